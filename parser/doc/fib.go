package doc

import "fmt"

// fib holds the parts of the File Information Block this reader uses.
type fib struct {
	nFib       uint16
	whichTable bool // fWhichTblStm: 1Table rather than 0Table
	ccpText    int64
	// ccpStories are the lengths of the stories before the textbox story
	// (footnotes, headers, macro, comments, endnotes), and ccpTxbx its own.
	ccpStories int64
	ccpTxbx    int64
	txbx       fcLcb // PlcftxbxTxt, the textboxes of the main text
	clx        fcLcb // the piece table (CLX) in the table stream
	btePapx    fcLcb // PlcBtePapx
	bteChpx    fcLcb // PlcBteChpx
	ffn        fcLcb // SttbfFfn, the font table
	spaMom     fcLcb // PlcfSpaMom, floating shapes of the main text
	dggInfo    fcLcb // OfficeArtContent
}

type fcLcb struct{ fc, lcb int64 }

const (
	wIdent      = 0xA5EC
	nFibWord97  = 0x00C1
	fibBaseSize = 32
)

// FibRgFcLcb97 indexes (pairs of fc, lcb).
const (
	iPlcfBteChpx = 12
	iPlcfBtePapx = 13
	iSttbfFfn    = 15
	iClx         = 33
	iPlcSpaMom   = 40
	iDggInfo     = 50
	iPlcftxbxTxt = 56
)

func parseFIB(w []byte) (*fib, error) {
	if len(w) < fibBaseSize+2 {
		return nil, fmt.Errorf("fib of %d bytes: %w", len(w), errFormat)
	}
	if id := le16(w, 0); id != wIdent {
		return nil, fmt.Errorf("wIdent %#04x: %w", id, errFormat)
	}
	f := &fib{nFib: le16(w, 2)}
	flags := le16(w, 0x0A)
	if flags&0x0100 != 0 || flags&0x8000 != 0 {
		return nil, fmt.Errorf("fib says encrypted: %w", ErrEncrypted)
	}
	f.whichTable = flags&0x0200 != 0
	off := fibBaseSize
	csw := int(le16(w, off))
	if !word97Layout(w) {
		if f.nFib < nFibWord97 {
			return nil, fmt.Errorf("word version nFib %#04x: %w", f.nFib, ErrOldWord)
		}
	}
	off += 2 + 2*csw
	cslw := int(le16(w, off))
	lw := off + 2
	if cslw < 4 || lw+4*cslw > len(w) {
		return nil, fmt.Errorf("fibRgLw of %d longs: %w", cslw, errFormat)
	}
	f.ccpText = int64(le32(w, lw+3*4))
	if cslw > 9 {
		for i := 4; i <= 8; i++ { // ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn
			f.ccpStories += int64(le32(w, lw+i*4))
		}
		f.ccpTxbx = int64(le32(w, lw+9*4))
	}
	off = lw + 4*cslw
	cb := int(le16(w, off))
	rg := off + 2
	if rg+8*cb > len(w) {
		return nil, fmt.Errorf("fibRgFcLcb of %d pairs: %w", cb, errFormat)
	}
	get := func(i int) fcLcb {
		if i >= cb {
			return fcLcb{}
		}
		return fcLcb{int64(le32(w, rg+8*i)), int64(le32(w, rg+8*i+4))}
	}
	if cb <= iClx {
		return nil, fmt.Errorf("fibRgFcLcb of %d pairs has no clx: %w", cb, errFormat)
	}
	f.clx = get(iClx)
	f.btePapx = get(iPlcfBtePapx)
	f.bteChpx = get(iPlcfBteChpx)
	f.ffn = get(iSttbfFfn)
	f.spaMom = get(iPlcSpaMom)
	f.dggInfo = get(iDggInfo)
	f.txbx = get(iPlcftxbxTxt)
	return f, nil
}

// word97Layout reports whether the FIB has the variable layout of Word 97
// and later: csw 14 shorts of FibRgW97, then cslw 22 longs of FibRgLw97.
// Word 6/95 FIBs are fixed structures where these offsets hold cbMac and
// the like. The layout, not nFib alone, decides: the nFib of FibBase of
// a few producers' files is below Word 97's although the rest is Word 97.
func word97Layout(w []byte) bool {
	return le16(w, fibBaseSize) == 14 && le16(w, fibBaseSize+2+2*14) == 22
}
