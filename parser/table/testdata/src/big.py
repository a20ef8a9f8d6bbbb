# 1000 distinct Chinese strings: the shared string table of the .xls made
# from this needs CONTINUE records, some splitting a string.
import random
random.seed(1)
chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你能而"
print("序号,窗口名称,备注")
for i in range(1000):
    s = "".join(random.choice(chars) for _ in range(12))
    print(f"{i+1},窗口{s}{i},备注{i}")
