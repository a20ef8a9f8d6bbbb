# Writes the CSV fixtures in several encodings and separators.
rows = [
    ["鞍山市税务局窗口工作实绩排序表", "", "", ""],
    ["名次", "参评窗口", "所属单位", "得分"],
    ["1", "税务综合服务窗口", "国家税务总局鞍山市税务局", "98"],
    ["2", "办税服务厅，一号窗口", "铁西区税务局", "90"],
]
def write(name, text, enc):
    with open(name, "wb") as f:
        f.write(text.encode(enc))
def csv(sep):
    out = []
    for r in rows:
        out.append(sep.join('"%s"' % c if sep in c or "，" in c else c for c in r))
    return "\r\n".join(out) + "\r\n"
write("gbk.csv", csv(","), "gbk")
write("bom.csv", "\ufeff" + csv(","), "utf-8")
write("tab.txt", csv("\t"), "utf-8")
write("utf16.csv", "\ufeff" + csv("\t"), "utf-16-le")
