// Package dept interprets the tables the departments send back to the
// office (parser/table reads them): the 实绩排序表 of each 行业主管部门 and
// the returned 部门联审 sheets.
//
// For each sheet it finds the header row among the first rows, whatever its
// position and wording (the words are the campaign's, from the profile:
// 序号/排序/名次/排名, 窗口名称/参评窗口, 所属单位, 得分/分数, 备注; for 联审
// 姓名, 身份证号码, 窗口名称 and each department's result columns such as
// 信访举报情况 or 违法犯罪记录), and the department that sent it: from the
// title rows above the header (or the paragraph before a Word table), else
// the sheet name, else the file name.
//
// It returns the rows as read — rank, window, unit, score; name, ID, window,
// the result text — without matching them to windows or judging the result
// text: that is validate's work. A row it cannot read is a Problem on the
// sheet; a sheet that is not a ranking (or 联审) table is skipped.
package dept
