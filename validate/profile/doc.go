package profile

// A profile file is YAML with the keys of Profile (see profile.go and the
// embedded profiles/*.yaml). Load checks it strictly: an unknown key, a
// value of the wrong type, a rule code not in the finding catalogue, a
// review row whose needs is not 签字/盖章, a deadline that is not a date, or
// 事迹 bands out of order is an *Error naming the file and line in Chinese,
// e.g. "配置文件 x.yaml 第12行：未知的规则代码 F99", so the clerk can fix it.
// After loading, Review.Rows is filled from ReviewRows for parser/form.
