#!/usr/bin/env python3
"""Seal-detector evaluation pages from another producer than parser/seal/sealtest.

    python3 samples/sealeval/make.py OUTDIR SEED PAGES_PER_FORM

Every sample 初审表 (samples/forms/*/初审表.docx) is rendered by LibreOffice
(soffice → PDF) and poppler (pdftoppm, 150 dpi), so the table, fonts and line
weights are a real office suite's. ImageMagick then stamps seals (ring, star and
arc text in Noto Serif CJK, five inks) into a random subset of the four 盖章 rows,
tints the paper, adds noise, rotates the page by up to ±5° and writes a JPEG of
quality 55–92. OUTDIR/truth.json says for each page which review rows carry a
seal. The review rows are found on the unrotated render from its ruled lines
(rows of pixels dark across most of the width), not by the detector under test.

Needs python3 (standard library only), soffice, pdftoppm and ImageMagick's
convert, and the Noto CJK fonts. Deterministic for a seed, given the same tools.
"""
import glob, json, math, os, random, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = os.path.join(HERE, "..", "forms")
font = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'
out_dir, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out_dir, exist_ok=True)
work = tempfile.mkdtemp()


def rules(png):
    """y positions of the horizontal table rules of an unrotated render."""
    pgm = subprocess.run(["convert", png, "-colorspace", "Gray", "-depth", "8", "pgm:-"],
                         capture_output=True, check=True).stdout
    parts = pgm.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    pix = parts[3]
    ys = []
    for y in range(h):
        row = pix[y * w:(y + 1) * w]
        if sum(1 for v in row if v < 170) > 0.6 * w:
            if not ys or y - ys[-1][-1] > 2:
                ys.append([y])
            else:
                ys[-1].append(y)
    return [sum(g) / len(g) for g in ys], w


def eseal_rows(docx):
    """Review rows (0-based) whose cell in the Word form holds a picture."""
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    rows = xml.split("<w:tr")[1:]
    return [k - 2 for k, tr in enumerate(rows) if 2 <= k < 9 and ("<w:drawing" in tr or "<w:pict" in tr)]


bands = {}
renders = {}
eseals = {}
for i, docx in enumerate(sorted(glob.glob(os.path.join(FORMS, "*", "初审表.docx")))):
    name = "f%02d" % (i + 1)
    local = os.path.join(work, name + ".docx")
    with open(docx, "rb") as f, open(local, "wb") as g:
        g.write(f.read())
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, local],
                   capture_output=True, check=True)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile",
                    os.path.join(work, name + ".pdf"), os.path.join(work, name)], check=True)
    png = os.path.join(work, name + ".png")
    ys, w = rules(png)
    if len(ys) != 10:
        sys.exit("%s: %d rules found on the render, want 10 (2 header rows, 7 review rows)" % (docx, len(ys)))
    # The seals go left of the right frame, which sits at about 95% of the width.
    x1 = 0.95 * w
    bands[name] = [{"Corners": [[0, ys[k]], [x1, ys[k]], [x1, ys[k + 1]], [0, ys[k + 1]]]} for k in range(2, 9)]
    renders[name] = png
    # A seal image already in the Word form (an electronic seal) stamps its row too.
    eseals[name] = eseal_rows(docx)

rng = random.Random(seed)
font = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'
inks = ['rgb(220,40,50)', 'rgb(200,30,60)', 'rgb(230,80,70)', 'rgb(180,30,90)', 'rgb(235,90,110)']
stamp_rows = [2, 3, 5, 6]
truth = {}
for name, png in sorted(renders.items()):
    bs = bands[name]
    for k in range(n):
        stamped = [r for r in stamp_rows if rng.random() < 0.7]
        ink = rng.choice(inks)
        draw = []
        for r in stamped:
            c = bs[r]['Corners']
            y0, y1 = c[0][1], c[2][1]
            x1 = c[1][0]
            R = rng.uniform(108, 122)
            cx = x1 - rng.uniform(150, 330)
            cy = (y0 + y1) / 2 + rng.uniform(-0.15, 0.15) * (y1 - y0)
            sw = rng.uniform(5, 8)
            draw.append(f"-stroke '{ink}' -strokewidth {sw:.1f} -fill none -draw \"circle {cx:.0f},{cy:.0f} {cx+R:.0f},{cy:.0f}\"")
            pts = []
            rot0 = rng.uniform(-0.5, 0.5)
            for i in range(10):
                a = -math.pi / 2 + rot0 + i * math.pi / 5
                rr = 0.29 * R if i % 2 == 0 else 0.12 * R
                pts.append(f"{cx+rr*math.cos(a):.0f},{cy+rr*math.sin(a):.0f}")
            draw.append(f"-stroke none -fill '{ink}' -draw \"polygon {' '.join(pts)}\"")
            text = rng.choice(["鞍山市政务服务中心", "中共鞍山市委组织部", "鞍山市营商环境建设局", "驻市政务服务中心纪检监察组"])
            for i, ch in enumerate(text):
                a = math.radians(-210 + rot0 * 57 + i * (240 / max(1, len(text) - 1)))
                x, y = cx + 0.75 * R * math.cos(a), cy + 0.75 * R * math.sin(a)
                draw.append(f"-stroke none -fill '{ink}' -font {font} -pointsize 13 -draw \"translate {x:.0f},{y:.0f} rotate {math.degrees(a)+90:.0f} text -8,6 '{ch}'\"")
        rot = rng.uniform(-5, 5)
        tint = rng.choice(['rgb(246,241,228)', 'rgb(250,248,240)', 'rgb(240,232,210)'])
        q = rng.randint(55, 92)
        noise = rng.uniform(0.1, 0.6)
        out = os.path.join(out_dir, f"{name}_{seed}_{k}.jpg")
        cmd = (f"convert {png} -fill '{tint}' -colorize {rng.randint(3,12)}% {' '.join(draw)} "
               f"-attenuate {noise:.2f} +noise Gaussian -background '{tint}' -rotate {rot:.2f} -flatten -quality {q} {out}")
        subprocess.run(cmd, shell=True, check=True)
        truth[out] = {"stamped": [r in stamped or r in eseals[name] for r in range(7)], "rot": rot, "q": q}
json.dump({os.path.basename(k): v for k, v in truth.items()}, open(os.path.join(out_dir, 'truth.json'), 'w'), indent=1, sort_keys=True)
print(len(truth), "pages")
