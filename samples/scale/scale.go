package scale

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Options shape a generated export. Zero values take the defaults noted.
type Options struct {
	Windows     int // number of windows, one email each; 0 means 100
	PhotoWidth  int // 0 means 1280
	PhotoHeight int // 0 means 960
}

// Write creates dir (which must not hold an export already) and writes one
// .eml per window into it. It returns the total bytes written.
func Write(dir string, opt Options) (int64, error) {
	if opt.Windows <= 0 {
		opt.Windows = 100
	}
	if opt.PhotoWidth <= 0 {
		opt.PhotoWidth, opt.PhotoHeight = 1280, 960
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	env, err := noiseJPEG(opt.PhotoWidth, opt.PhotoHeight, 1)
	if err != nil {
		return 0, err
	}
	work, err := noiseJPEG(opt.PhotoWidth, opt.PhotoHeight, 2)
	if err != nil {
		return 0, err
	}
	var total int64
	for i := 1; i <= opt.Windows; i++ {
		msg, err := message(i, env, work)
		if err != nil {
			return total, err
		}
		name := filepath.Join(dir, fmt.Sprintf("%05d.eml", i))
		if err := os.WriteFile(name, msg, 0o644); err != nil {
			return total, err
		}
		total += int64(len(msg))
	}
	return total, nil
}

// Window returns the generated window name of index i.
func Window(i int) string { return fmt.Sprintf("第%d号政务服务窗口", i) }

var units = []string{"鞍山市市场监督管理局", "鞍山市公安局", "铁东区政务服务中心", "立山区人力资源和社会保障局", "鞍山市不动产登记中心"}

// message builds window i's email.
func message(i int, env, work []byte) ([]byte, error) {
	win := Window(i)
	unit := units[i%len(units)]
	ids := []string{ID(i * 2), ID(i*2 + 1)}
	app, err := docxTable("附件1 申报表", []row{
		{"窗口名称", win},
		{"所属单位（部门）", unit},
		{"推荐形式", "☑窗口自荐  □联名（内部）举荐  □领导推荐  □群众共荐"},
		{"窗口人员姓名及身份证号码", "王" + name(i) + " " + ids[0] + "\n李" + name(i+7) + " " + ids[1]},
		{"曾受表彰奖励情况", "2023年度市级优秀窗口"},
		{"主要工作职责", "负责" + unit + "各类业务的受理、审核和办结，提供咨询服务。"},
		{"主要事迹（200字左右）", deeds(i)},
	})
	if err != nil {
		return nil, err
	}
	reviewRows := []row{{"窗口名称", win}, {"窗口人员姓名", "王" + name(i) + "、李" + name(i+7)}}
	for _, r := range []string{"部门负责人意见", "分管领导意见", "组织（人事）部门意见", "派驻纪检监察部门意见", "主要领导意见", "推荐单位", "行业主管部门意见"} {
		reviewRows = append(reviewRows, row{r, "同意推荐。\n签字：          2024年4月2日"})
	}
	rev, err := docxTable("附件2 初审表", reviewRows)
	if err != nil {
		return nil, err
	}

	var b bytes.Buffer
	boundary := fmt.Sprintf("=_shenbao_scale_%06d", i)
	date := time.Date(2024, 4, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)).Add(time.Duration(i) * time.Minute)
	fmt.Fprintf(&b, "From: =?UTF-8?B?%s?= <window%d@example.cn>\r\n", base64.StdEncoding.EncodeToString([]byte(unit)), i)
	b.WriteString("To: qingfeng@example.cn\r\n")
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.BEncoding.Encode("UTF-8", win+"申报材料"))
	fmt.Fprintf(&b, "Date: %s\r\n", date.Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <scale-%d@example.cn>\r\n", i)
	b.WriteString("MIME-Version: 1.0\r\n")
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", boundary)
	fmt.Fprintf(&b, "--%s\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n", boundary)
	writeBase64(&b, []byte("您好，附件是"+win+"的申报材料，请查收。"))
	attach := []struct {
		name, ctype string
		data        []byte
	}{
		{win + "申报表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", app},
		{win + "初审表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", rev},
		{"环境照片.jpg", "image/jpeg", env},
		{"工作照片.jpg", "image/jpeg", work},
	}
	for _, a := range attach {
		enc := mime.BEncoding.Encode("UTF-8", a.name)
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; name=\"%s\"\r\nContent-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n", boundary, a.ctype, enc, enc)
		writeBase64(&b, a.data)
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.Bytes(), nil
}

func writeBase64(b *bytes.Buffer, data []byte) {
	s := base64.StdEncoding.EncodeToString(data)
	for len(s) > 76 {
		b.WriteString(s[:76])
		b.WriteString("\r\n")
		s = s[76:]
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

// noiseJPEG makes a photo-sized JPEG whose noise keeps the file near the
// size of a real phone photo at that resolution.
func noiseJPEG(w, h int, seed uint64) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(seed, 7))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := uint8(rng.IntN(128))
			img.Set(x, y, color.RGBA{uint8(x*255/w) / 2, v + 64, uint8(y*255/h) / 2, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 70}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var nameChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华")

func name(i int) string {
	return string([]rune{nameChars[i%len(nameChars)], nameChars[(i/len(nameChars)+3)%len(nameChars)]})
}

// deeds is a ~200-character 事迹 paragraph.
func deeds(i int) string {
	s := "该窗口始终坚持以人民为中心的发展思想，深入推进“放管服”改革，全面推行一窗受理、集成服务，" +
		"优化办事流程，压缩办理时限，实行首问负责、限时办结和一次性告知制度。窗口人员业务精湛、作风过硬，" +
		"主动靠前服务，为企业和群众提供帮办代办、延时服务和上门服务，全年办理业务%d件，群众满意率达到百分之百，" +
		"未发生一起投诉，多次收到群众赠送的锦旗和感谢信，树立了清正廉洁、高效便民的良好窗口形象。"
	return strings.Replace(s, "%d", fmt.Sprint(10000+i), 1)
}

// ID returns a valid 18-digit ID number (GB 11643 check digit) for index i.
func ID(i int) string {
	born := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i*37)%10000)
	body := fmt.Sprintf("210302%s%03d", born.Format("20060102"), i%1000)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for k, c := range body {
		sum += int(c-'0') * weights[k]
	}
	return body + string("10X98765432"[sum%11])
}
