package idcard

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var now = time.Date(2024, 4, 20, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

func TestValidate(t *testing.T) {
	tests := []struct {
		name, id string
		ok       bool
		reason   string
	}{
		{"standard example", "11010519491231002X", true, ""},
		{"lower-case x", "11010519491231002x", true, ""},
		{"male", "21030219850312123X", true, ""},
		{"female", "210302198503121248", true, ""},
		{"leap day", "210302200002290019", true, ""},
		{"surrounding spaces", " 210302199001010016 ", true, ""},
		{"check digit wrong", "110105194912310021", false, "校验码错误（应为X）"},
		{"check digit wrong digit", "210302198503121240", false, "校验码错误（应为8）"},
		{"old 15-digit number", "210302850312123", false, "长度应为18位（实为15位）"},
		{"too long", "2103021985031212481", false, "长度应为18位（实为19位）"},
		{"empty", "", false, "长度应为18位（实为0位）"},
		{"full-width digits counted as characters", "２１０３０２１９８５０３１２１２４８", false, "含非法字符"},
		{"letter inside", "21030219850312A248", false, "含非法字符"},
		{"X not last", "2103021985031212X8", false, "含非法字符"},
		{"space inside", "210302 98503121248", false, "含非法字符"},
		{"month 13", "210302198513121248", false, "出生日期无效"},
		{"30 February", "210302200002300019", false, "出生日期无效"},
		{"29 February not leap", "210302200102290019", false, "出生日期无效"},
		{"year 1800", "210302180001011234", false, "出生日期无效"},
		{"born in the future", "210302202601150017", false, "出生日期晚于今天"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok, reason := Validate(tc.id, now)
			if ok != tc.ok || reason != tc.reason {
				t.Errorf("Validate(%q) = %v, %q; want %v, %q", tc.id, ok, reason, tc.ok, tc.reason)
			}
		})
	}
}

func TestBornToday(t *testing.T) {
	// Born on "today" in China is not in the future, whatever the clock's zone.
	body := "21030220240420001"
	id := body + string(CheckDigit(body))
	if ok, reason := Validate(id, now); !ok {
		t.Errorf("born today: %s", reason)
	}
}

func TestGenderBirth(t *testing.T) {
	tests := []struct{ id, gender, birth string }{
		{"11010519491231002X", "女", "1949-12-31"},
		{"21030219850312123X", "男", "1985-03-12"},
		{"210302198503121248", "女", "1985-03-12"},
		{"110105194912310021", "", ""},
		{"210302850312123", "", ""},
		{"", "", ""},
	}
	for _, tc := range tests {
		if g := Gender(tc.id); g != tc.gender {
			t.Errorf("Gender(%q) = %q, want %q", tc.id, g, tc.gender)
		}
		if b := Birth(tc.id); b != tc.birth {
			t.Errorf("Birth(%q) = %q, want %q", tc.id, b, tc.birth)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ id, want string }{
		{"210302198503121234", "210302********1234"},
		{"11010519491231002X", "110105********002X"},
		{"210302850312123", "210302*****2123"},
		{"12345678901", "123456*8901"},
		{"1234567890", "12********"},
		{"123", "12*"},
		{"12", "**"},
		{"1", "*"},
		{"", ""},
		{"张三李四王五赵六孙七周八", "张三李四王五**孙七周八"},
		{"\xff\xfe12345678901", "\ufffd\ufffd1234***8901"},
	}
	for _, tc := range tests {
		if got := Mask(tc.id); got != tc.want {
			t.Errorf("Mask(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		body string
		want byte
	}{
		{"11010519491231002", 'X'},
		{"21030219850312124", '8'},
		{"2103021985031212", 0},
		{"2103021985031212a", 0},
	}
	for _, tc := range tests {
		if got := CheckDigit(tc.body); got != tc.want {
			t.Errorf("CheckDigit(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func FuzzValidate(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "210302850312123", "", "\xff", "210302200002300019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		ok, reason := Validate(id, now)
		if ok == (reason != "") {
			t.Fatalf("Validate(%q) = %v, %q", id, ok, reason)
		}
		if ok && (Gender(id) == "" || Birth(id) == "") {
			t.Fatalf("valid %q without gender or birth", id)
		}
		m := Mask(id)
		n := utf8.RuneCountInString(strings.TrimSpace(id))
		if utf8.RuneCountInString(m) != n {
			t.Fatalf("Mask(%q) = %q: length changed", id, m)
		}
		if shown := n - strings.Count(m, "*"); shown > 10 && !strings.Contains(id, "*") {
			t.Fatalf("Mask(%q) = %q shows %d characters", id, m, shown)
		}
	})
}
