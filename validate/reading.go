package validate

import (
	"fmt"

	"shenbao/parser/intake"
	"shenbao/parser/problem"
	"shenbao/validate/finding"
)

// incomplete is F10 for a Word form read only in part: a table or text cut
// at a limit, embedded content not read, or a checkbox glyph not known.
// The form's other findings may then miss something, so a person compares
// with the file. Problems that lose nothing (a picture not measured) are
// only in 文件清单. form is 申报表 or 初审表.
func incomplete(form string, it *intake.Item, ws []problem.Problem) []finding.Finding {
	var lost []problem.Problem
	for _, w := range ws {
		if w.LosesContent() {
			lost = append(lost, w)
		}
	}
	if len(lost) == 0 {
		return nil
	}
	file := itemName(it)
	return []finding.Finding{newFinding("F10",
		fmt.Sprintf("%s“%s”未能完整读取（%s），审查结果可能不完整", form, file, problem.Summary(lost)), form, file,
		fmt.Sprintf("请人工核对%s原文件；如内容无误可不补正，否则请使用通知所附模板重新填写后提交WORD版%s", form, form))}
}
