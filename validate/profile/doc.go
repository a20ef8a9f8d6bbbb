package profile

// A profile file is YAML with the keys of Profile (see profile.go and the
// embedded profiles/*.yaml). Load checks it strictly in two steps. Decoding
// refuses an unknown key or a value of the wrong type. Then the schema
// (check.go) runs on github.com/go-playground/validator/v10: `validate`
// tags on this package's structs (required name, at least one review row,
// needs oneof 签字/盖章, stage, deadline a date, numbers in range, rule codes
// in the finding catalogue) and rules registered for the specs parser
// packages own (every form field has a key and labels, keys unique, 联审
// departments named once), plus struct checks (事迹 bands in order, every
// required key a field). The first violation is an *Error naming the file
// and the YAML line in Chinese (messages.go), e.g.
// "配置文件 x.yaml 第12行：未知的规则代码 F99", so the clerk can fix it.
//
// The schema checks the profile's shape; the campaign's facts (required
// fields, 事迹 bands, a field's max_length, deadlines) are its values, read
// by validate on every run, never Go struct tags.
//
// After loading, Review.Rows is filled from ReviewRows for parser/form.
