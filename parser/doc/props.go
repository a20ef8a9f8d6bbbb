package doc

import (
	"fmt"
	"sort"
)

// propRun is the direct formatting (a grpprl) of the bytes [fcStart, fcEnd)
// of the WordDocument stream, from one entry of a CHPX or PAPX FKP.
type propRun struct {
	fcStart, fcEnd int64
	grpprl         []byte
}

const (
	fkpSize = 512
	maxBte  = 1 << 16 // FKP pages referenced by one PlcBte
)

// parseFKPs reads every FKP named by the PlcBtePapx (papx) or PlcBteChpx
// at loc in the table stream and returns their runs sorted by fcStart. An
// FKP or a property pointing outside its stream is an error.
func parseFKPs(st *streams, loc fcLcb, papx bool) ([]propRun, error) {
	if loc.lcb == 0 {
		return nil, nil
	}
	plc, ok := slice(st.table, loc.fc, loc.lcb)
	if !ok || loc.lcb < 4 || (loc.lcb-4)%8 != 0 {
		return nil, fmt.Errorf("plcbte at %d+%d in a %d-byte table stream: %w", loc.fc, loc.lcb, len(st.table), errFormat)
	}
	n := int((loc.lcb - 4) / 8)
	if n > maxBte {
		return nil, fmt.Errorf("plcbte of %d pages: %w", n, errFormat)
	}
	var runs []propRun
	for k := range n {
		pn := int64(le32(plc, 4*(n+1)+4*k) & 0x3FFFFF)
		page, ok := slice(st.word, pn*fkpSize, fkpSize)
		if !ok {
			return nil, fmt.Errorf("fkp page %d outside the %d-byte WordDocument stream: %w", pn, len(st.word), errFormat)
		}
		rs, err := parseFKP(page, papx, st.data)
		if err != nil {
			return nil, fmt.Errorf("fkp page %d: %w", pn, err)
		}
		runs = append(runs, rs...)
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].fcStart < runs[j].fcStart })
	return runs, nil
}

func parseFKP(page []byte, papx bool, data []byte) ([]propRun, error) {
	crun := int(page[fkpSize-1])
	entry := 1 // bytes per rgb entry (CHPX) or rgbx (PAPX: bOffset + PHE)
	if papx {
		entry = 13
	}
	if 4*(crun+1)+entry*crun > fkpSize-1 {
		return nil, fmt.Errorf("crun %d: %w", crun, errFormat)
	}
	runs := make([]propRun, 0, crun)
	for i := range crun {
		r := propRun{fcStart: int64(le32(page, 4*i)), fcEnd: int64(le32(page, 4*i+4))}
		off := int(page[4*(crun+1)+entry*i]) * 2
		if off != 0 {
			var ok bool
			if papx {
				r.grpprl, ok = papxGrpprl(page, off, data)
			} else {
				r.grpprl, ok = chpxGrpprl(page, off)
			}
			if !ok {
				return nil, fmt.Errorf("property at %d outside its fkp: %w", off, errFormat)
			}
		}
		runs = append(runs, r)
	}
	return runs, nil
}

// chpxGrpprl reads a Chpx: cb, then cb bytes of sprms.
func chpxGrpprl(page []byte, off int) ([]byte, bool) {
	if off >= fkpSize-1 {
		return nil, false
	}
	return slice(page[:fkpSize-1], int64(off+1), int64(page[off]))
}

// papxGrpprl reads a PapxInFkp (cb, [cb'], istd, sprms) and returns its
// sprms, with those of a sprmPHugePapx in the Data stream appended.
func papxGrpprl(page []byte, off int, data []byte) ([]byte, bool) {
	if off >= fkpSize-2 {
		return nil, false
	}
	start, n := off+1, 2*int(page[off])-1
	if page[off] == 0 {
		start, n = off+2, 2*int(page[off+1])
	}
	b, ok := slice(page[:fkpSize-1], int64(start), int64(n))
	if !ok || len(b) < 2 {
		return nil, ok
	}
	g := b[2:] // skip istd
	var huge []byte
	eachSprm(g, func(op uint16, arg []byte) {
		if op == sprmPHugePapx && len(arg) == 4 {
			at := int64(le32(arg, 0))
			if cb, ok := slice(data, at, 2); ok {
				huge, _ = slice(data, at+2, int64(le16(cb, 0)))
			}
		}
	})
	if huge != nil {
		g = append(append([]byte(nil), g...), huge...)
	}
	return g, true
}

// lookup returns the grpprl of the run covering fc, or nil.
func lookup(runs []propRun, fc int64) []byte {
	k := sort.Search(len(runs), func(i int) bool { return runs[i].fcStart > fc }) - 1
	if k < 0 || fc >= runs[k].fcEnd {
		return nil
	}
	return runs[k].grpprl
}

// Single property modifiers this reader interprets.
const (
	sprmCFRMarkDel        = 0x0800
	sprmCPicLocation      = 0x6A03
	sprmCFData            = 0x0806
	sprmCFOle2            = 0x080A
	sprmCSymbol           = 0x6A09
	sprmCFVanish          = 0x083C
	sprmCFSpec            = 0x0855
	sprmCRgFtc0           = 0x4A4F
	sprmCRgFtc1           = 0x4A50
	sprmCRgFtc2           = 0x4A51
	sprmCFtcBi            = 0x4A5E
	sprmPFInTable         = 0x2416
	sprmPFTtp             = 0x2417
	sprmPItap             = 0x6649
	sprmPDtap             = 0x664A
	sprmPFInnerTableCell  = 0x244B
	sprmPFInnerTtp        = 0x244C
	sprmPHugePapx         = 0x6646
	sprmTDefTable         = 0xD608
	sprmPChgTabs          = 0xC615
	sprmTMerge            = 0x5624
	sprmTVertMerge        = 0xD62B
	maxSprmsInOneProperty = 4096
)

// eachSprms walks several grpprls in order.
func eachSprms(gs [][]byte, fn func(op uint16, arg []byte)) {
	for _, g := range gs {
		eachSprm(g, fn)
	}
}

// eachSprm calls fn for every Sprm of a grpprl with its operand. A
// truncated last Sprm ends the walk.
func eachSprm(g []byte, fn func(op uint16, arg []byte)) {
	for i, count := 0, 0; i+2 <= len(g) && count < maxSprmsInOneProperty; count++ {
		op := le16(g, i)
		i += 2
		var n int
		switch op >> 13 {
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		case 6:
			switch op {
			case sprmTDefTable, 0xD606:
				if i+2 > len(g) {
					return
				}
				n = 2 + int(le16(g, i)) - 1
			case sprmPChgTabs:
				n = chgTabsLen(g, i)
			default:
				if i >= len(g) {
					return
				}
				n = 1 + int(g[i])
			}
		}
		if n < 0 || i+n > len(g) {
			return
		}
		fn(op, g[i:i+n])
		i += n
	}
}

func chgTabsLen(g []byte, i int) int {
	if i >= len(g) {
		return -1
	}
	if g[i] != 255 {
		return 1 + int(g[i])
	}
	if i+1 >= len(g) {
		return -1
	}
	del := int(g[i+1])
	j := i + 2 + 4*del
	if j >= len(g) {
		return -1
	}
	return 1 + 1 + 4*del + 1 + 3*int(g[j])
}
