package profile

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/go-playground/validator/v10"
)

// schemaMessage words a schema violation for the clerk who edits the YAML:
// what is wrong, with the value found. pattern is the YAML path without
// indexes ("review_rows[].needs"). All the Chinese of profile checking is
// here.
func schemaMessage(pattern string, fe validator.FieldError) string {
	val := fmt.Sprint(fe.Value())
	switch pattern + " " + fe.Tag() {
	case "name required":
		return "缺少 name（配置名称）"
	case "title required":
		return "缺少 title（评选活动名称，用作登记表、告知书的标题）"
	case "application.fields min":
		return "application.fields 为空：至少要有一个申报表字段"
	case "application.fields[].key required":
		return "申报表字段缺少 key"
	case "application.fields[].key uniquekey":
		return "申报表字段 key 重复：" + fe.Param()
	case "application.fields[].labels min":
		return "申报表字段没有 labels"
	case "review.fields[].key required", "review.fields[].labels min":
		return "初审表字段缺少 key 或 labels"
	case "application.fields[].max_length min", "review.fields[].max_length min":
		return "max_length 不能为负数"
	case "required[] appfield":
		return "required 中的字段 " + fe.Param() + " 不在 application.fields 中"
	case "deeds bandorder":
		return "事迹字数区间顺序不对：应为 error_min ≤ info_min ≤ info_max ≤ error_max（现为 " + fe.Param() + "）"
	case "review_rows min":
		return "review_rows 为空：至少要有一个初审意见栏"
	case "review_rows[].name required":
		return "初审意见栏缺少 name"
	case "review_rows[].needs oneof", "review_rows[].needs required":
		return "needs 只能是“签字”或“盖章”，现为“" + val + "”"
	case "review_rows[].stage oneof":
		return "stage 只能是 internal、recommend 或 industry，现为“" + val + "”"
	case "review_rows[].deadline datetime":
		return "deadline 不是有效日期（格式 2024-04-03）：" + val
	case "notice.date datetime":
		return "notice.date 不是有效日期（格式 2024-04-12）：" + val
	case "publicity_days min":
		return "publicity_days 不能为负数"
	case "photos.per_kind min", "photos.min_long_side min":
		return "photos 的数值不能为负数"
	case "scans.min_confidence min", "scans.min_confidence max":
		return "scans.min_confidence 应在 0 到 1 之间"
	case "joint_review.departments[].name required":
		return "联审部门缺少 name"
	case "joint_review.departments[].name uniquedept":
		return "联审部门重复：" + fe.Param()
	case "rules.disabled[] findingcode", "rules.levels[] findingcode":
		return "未知的规则代码 " + val
	case "rules.levels[] oneof":
		return "级别只能是 error、review 或 info，现为“" + val + "”"
	}
	return fmt.Sprintf("%s 不符合要求（%s）：%s", pattern, fe.Tag(), val)
}

// openReason words why a profile file could not be opened.
func openReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "找不到这个文件，请检查路径（可运行 shenbao profile show > 我的配置.yaml 生成一份再修改）"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	return "无法打开（文件正被占用或路径有误）"
}
