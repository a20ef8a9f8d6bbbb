package validate

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/validator/v10"

	"shenbao/parser/form"
	"shenbao/validate/idcard"
	"shenbao/validate/profile"
)

// applicationRules is the 申报表 as validator sees it. The tags hold the
// rules that are facts of the form itself: an ID number is an ID number;
// 事迹 stays within the profile's bands (the bands themselves are profile
// values, read from the context). Campaign facts are deliberately not tags:
// which fields are required (profile.Required) and how long a value may be
// (a field's max_length) are read from the profile on every call and
// checked with Var per key (see applicationViolations). That keeps the
// profile authoritative — a second campaign needs no Go change, and a key
// the struct does not know can still be required or limited.
type applicationRules struct {
	IDs []string `validate:"dive,omitempty,idcard"`
	// deedsband=error checks the error band first; only when that passes
	// does deedsband=info check the narrower band, so the error's Param
	// tells which band was left.
	Deeds string `validate:"omitempty,deedsband=error,deedsband=info"`
}

// ruleContext carries the per-call facts the custom validators need; it
// travels in the context so the validator itself stays immutable.
type ruleContext struct {
	now   time.Time
	bands profile.Bands
}

type ruleContextKey struct{}

// rulesValidator is the one validator instance. It is package-level but not
// mutable state: sync.OnceValue builds it once (tags parsed, custom
// validators registered) and nothing changes it afterwards, which is also
// what validator's own cache expects. Per-call data goes in the context.
var rulesValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	must(v.RegisterValidationCtx("idcard", validIDCard))
	must(v.RegisterValidationCtx("deedsband", validDeedsBand))
	return v
})

// must stops on a registration error: the tags are constants of this file,
// so an error is a programming mistake found by any test, never input.
func must(err error) {
	if err != nil {
		panic("validate: register validator: " + err.Error())
	}
}

func rulesOf(ctx context.Context) ruleContext {
	rc, _ := ctx.Value(ruleContextKey{}).(ruleContext)
	return rc
}

// validIDCard is the "idcard" validator: GB 11643, birth date not after
// the context's day.
func validIDCard(ctx context.Context, fl validator.FieldLevel) bool {
	ok, _ := idcard.Validate(fl.Field().String(), rulesOf(ctx).now)
	return ok
}

// validDeedsBand is the "deedsband=error|info" validator: WordCount within
// the profile's error or info band. A band with a zero maximum is not set
// and passes.
func validDeedsBand(ctx context.Context, fl validator.FieldLevel) bool {
	b := rulesOf(ctx).bands
	lo, hi := b.ErrorMin, b.ErrorMax
	if fl.Param() == "info" {
		lo, hi = b.InfoMin, b.InfoMax
	}
	if hi <= 0 {
		return true
	}
	n := WordCount(fl.Field().String())
	return n >= lo && n <= hi
}

// violation is one failed rule, in terms of the application's field keys.
// validator's own error types stay inside this file.
type violation struct {
	Key   string // field key: window_name, staff, deeds, or a required key
	Index int    // for staff: the person's index in Application.Staff
	Rule  string // required, max, idcard, deedsband
	Param string // max: the limit; deedsband: "error" or "info"
}

// applicationViolations runs the struct rules and the profile's required
// list and lengths over a, in a fixed order: required keys in profile
// order, lengths in field order, then the struct's fields in declaration
// order.
func applicationViolations(a *form.Application, p *profile.Profile, now time.Time) []violation {
	v := rulesValidator()
	ctx := context.WithValue(context.Background(), ruleContextKey{}, ruleContext{now: now, bands: p.Deeds})
	var out []violation
	for _, key := range p.Required {
		if err := v.VarCtx(ctx, requiredValue(a, key), "required"); err != nil {
			out = append(out, violation{Key: key, Rule: "required"})
		}
	}
	for _, f := range p.Application.Fields {
		if f.MaxLength <= 0 {
			continue
		}
		limit := strconv.Itoa(f.MaxLength)
		if err := v.VarCtx(ctx, strings.TrimSpace(a.Value(f.Key)), "max="+limit); err != nil {
			out = append(out, violation{Key: f.Key, Index: -1, Rule: "max", Param: limit})
		}
	}
	rec := applicationRules{Deeds: strings.TrimSpace(a.Value(keyDeeds))}
	for _, s := range a.Staff {
		rec.IDs = append(rec.IDs, s.ID)
	}
	var verrs validator.ValidationErrors
	if err := v.StructCtx(ctx, rec); !errors.As(err, &verrs) {
		return out
	}
	for _, fe := range verrs {
		name, index := splitIndex(fe.StructField())
		vi := violation{Rule: fe.Tag(), Param: fe.Param(), Index: index}
		switch name {
		case "IDs":
			vi.Key = keyStaff
		case "Deeds":
			vi.Key = keyDeeds
		default:
			continue
		}
		out = append(out, vi)
	}
	return out
}

// requiredValue is what "required" looks at for key: the trimmed value, or
// for the staff field the people read from it (a table of names and numbers
// may leave the label's own value cell empty).
func requiredValue(a *form.Application, key string) string {
	val := strings.TrimSpace(a.Value(key))
	if val == "" && key == keyStaff {
		for _, s := range a.Staff {
			val += s.Name + s.ID
		}
	}
	return val
}

// splitIndex turns "IDs[2]" into ("IDs", 2); a name without an index gives
// -1.
func splitIndex(field string) (string, int) {
	i := strings.IndexByte(field, '[')
	if i < 0 || !strings.HasSuffix(field, "]") {
		return field, -1
	}
	n, err := strconv.Atoi(field[i+1 : len(field)-1])
	if err != nil {
		return field[:i], -1
	}
	return field[:i], n
}
