package docx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/encoding/htmlindex"
)

// pkg is an open OPC package: its parts by name and the read budget.
type pkg struct {
	lim   Limits
	files map[string]*zip.File // by part name, lower case, no leading "/"
	total int64                // uncompressed bytes read so far
	types *contentTypes
}

func newPackage(zr *zip.Reader, lim Limits) *pkg {
	p := &pkg{lim: lim, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		key := partKey(f.Name)
		if _, dup := p.files[key]; !dup && !strings.HasSuffix(f.Name, "/") {
			p.files[key] = f
		}
	}
	return p
}

// partKey normalises a part name: OPC names are case-insensitive and
// written with or without a leading slash.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

func (p *pkg) file(name string) *zip.File { return p.files[partKey(name)] }

// partReader counts the bytes of one part against the part and total limits.
type partReader struct {
	r        io.Reader
	name     string
	n        int64
	declared int64
	pkg      *pkg
}

func (pr *partReader) Read(b []byte) (int, error) {
	n, err := pr.r.Read(b)
	pr.n += int64(n)
	pr.pkg.total += int64(n)
	if pr.n > pr.pkg.lim.MaxPartBytes {
		return n, &limitError{fmt.Sprintf("docx: part %s exceeds %s limit", pr.name, sizeText(pr.pkg.lim.MaxPartBytes))}
	}
	if pr.n > pr.declared {
		return n, &limitError{fmt.Sprintf("docx: part %s yields more than its declared %d bytes", pr.name, pr.declared)}
	}
	if pr.pkg.total > pr.pkg.lim.MaxTotalBytes {
		return n, &limitError{fmt.Sprintf("docx: package exceeds %s limit of uncompressed data read", sizeText(pr.pkg.lim.MaxTotalBytes))}
	}
	return n, err
}

// open opens a part for reading through the limits. The caller closes it.
func (p *pkg) open(f *zip.File) (io.Reader, io.Closer, error) {
	if f.UncompressedSize64 > uint64(p.lim.MaxPartBytes) {
		return nil, nil, &limitError{fmt.Sprintf("docx: part %s exceeds %s limit", f.Name, sizeText(p.lim.MaxPartBytes))}
	}
	if int64(f.UncompressedSize64) > p.lim.MaxTotalBytes-p.total {
		return nil, nil, &limitError{fmt.Sprintf("docx: package exceeds %s limit of uncompressed data read", sizeText(p.lim.MaxTotalBytes))}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("docx: open %s: %w", f.Name, err)
	}
	// One byte more than allowed so that an overrun is seen, not truncated.
	lr := io.LimitReader(rc, p.lim.MaxPartBytes+1)
	return &partReader{r: lr, name: f.Name, declared: int64(f.UncompressedSize64), pkg: p}, rc, nil
}

// readers are the decoders' read buffers, reused: a new 32 KB buffer for
// every part of every form was 2.3 GB allocated in a 10,000-window run.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 32<<10) }}

// decoder returns an XML token stream over a part and the function that
// gives its buffer back, to call once the decoder is no longer used.
// The part must have been passed through textCap.
func (p *pkg) decoder(r io.Reader) (*xml.Decoder, func()) {
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	d := xml.NewDecoder(br)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unsupported XML encoding %q", label)
		}
		return enc.NewDecoder().Reader(in), nil
	}
	return d, func() {
		br.Reset(nil)
		readers.Put(br)
	}
}

// rel is one package relationship.
type rel struct {
	Type, Target string
	External     bool
}

// readRels reads the relationships part of source ("" for the package).
// A missing part yields no relationships and no error.
func (p *pkg) readRels(source string) (map[string]rel, error) {
	dir, base := path.Split(strings.TrimPrefix(source, "/"))
	name := dir + "_rels/" + base + ".rels"
	f := p.file(name)
	out := map[string]rel{}
	if f == nil {
		return out, nil
	}
	err := p.walkXML(f, func(se xml.StartElement) {
		if se.Name.Local != "Relationship" {
			return
		}
		id := anyAttr(se, "Id")
		target := anyAttr(se, "Target")
		if id == "" || target == "" {
			return
		}
		if _, dup := out[id]; dup {
			return
		}
		out[id] = rel{
			Type:     anyAttr(se, "Type"),
			Target:   target,
			External: strings.EqualFold(anyAttr(se, "TargetMode"), "External"),
		}
	})
	if err != nil {
		var le *limitError
		if errors.As(err, &le) {
			return nil, err
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// maxSmallTokens bounds the XML tokens of a relationships or content-types
// part: a real one has a few thousand.
const maxSmallTokens = 1 << 17

// walkXML calls fn for every start element of a small part (relationships,
// content types), bounded like every other read.
func (p *pkg) walkXML(f *zip.File, fn func(xml.StartElement)) error {
	r, c, err := p.open(f)
	if err != nil {
		return err
	}
	defer c.Close()
	tr := &reader{}
	defer p.tokenize(tr, r)()
	depth := 0
	for n := 0; ; n++ {
		if n > maxSmallTokens {
			return &limitError{fmt.Sprintf("docx: part %s has more than %d XML elements", f.Name, maxSmallTokens/2)}
		}
		tok, err := tr.rawNext()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.kind {
		case startToken:
			depth++
			if depth > p.lim.MaxDepth {
				return &limitError{fmt.Sprintf("docx: part %s nests deeper than %d elements", f.Name, p.lim.MaxDepth)}
			}
			fn(tok.start)
		case endToken:
			depth--
		}
	}
}

// tokenize sets r to read the tokens of the part in: with the plain
// scanner when the part is plain, else with a decoder. It returns the
// function to call once r is no longer read.
func (p *pkg) tokenize(r *reader, in io.Reader) (done func()) {
	b, rest, whole := readPlain(&textCap{r: in})
	if whole && isPlain(b) {
		r.plain = &plainScanner{b: b}
		r.names = namePool.Get().(*names)
		return func() { namePool.Put(r.names) }
	}
	r.d, done = p.decoder(rest)
	return done
}

// resolve turns a relationship target into a part name relative to the
// package root, the way OPC resolves it against the source part.
func resolve(source, target string) string {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	joined := path.Join(path.Dir("/"+strings.TrimPrefix(source, "/")), target)
	return strings.TrimPrefix(path.Clean(joined), "/")
}

// contentTypes is [Content_Types].xml.
type contentTypes struct {
	defaults  map[string]string // by lower-case extension
	overrides map[string]string // by part key
}

func (p *pkg) contentTypes() *contentTypes {
	if p.types != nil {
		return p.types
	}
	ct := &contentTypes{defaults: map[string]string{}, overrides: map[string]string{}}
	p.types = ct
	f := p.file("[Content_Types].xml")
	if f == nil {
		return ct
	}
	// A broken content-types part only costs content types; the text of
	// the document does not depend on it.
	_ = p.walkXML(f, func(se xml.StartElement) {
		switch se.Name.Local {
		case "Default":
			ct.defaults[strings.ToLower(anyAttr(se, "Extension"))] = anyAttr(se, "ContentType")
		case "Override":
			ct.overrides[partKey(anyAttr(se, "PartName"))] = anyAttr(se, "ContentType")
		}
	})
	return ct
}

// of returns the content type of a part, "" when unknown.
func (ct *contentTypes) of(name string) string {
	if t, ok := ct.overrides[partKey(name)]; ok {
		return t
	}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	return ct.defaults[ext]
}

// mainPart finds the main document part: the officeDocument relationship of
// the package, else the content-types override of a word main part.
func (p *pkg) mainPart() (*zip.File, error) {
	rels, err := p.readRels("")
	if err != nil {
		var le *limitError
		if errors.As(err, &le) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	ids := make([]string, 0, len(rels))
	for id := range rels {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		r := rels[id]
		if r.External || (r.Type != relOfficeDocument && r.Type != relOfficeDocumentStrict) {
			continue
		}
		name := resolve("", r.Target)
		f := p.file(name)
		if f == nil {
			continue
		}
		if ct := p.contentTypes().of(name); ct != "" && !isMainContentType(ct) {
			return nil, fmt.Errorf("%w: main part %s has content type %q", ErrNotDocx, name, ct)
		}
		return f, nil
	}
	ct := p.contentTypes()
	var names []string
	for name, t := range ct.overrides {
		if isMainContentType(t) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if f := p.file(name); f != nil {
			return f, nil
		}
	}
	if len(rels) == 0 && len(ct.overrides) == 0 && len(ct.defaults) == 0 {
		return nil, fmt.Errorf("%w: zip archive without package relationships or content types", ErrNotDocx)
	}
	return nil, fmt.Errorf("%w: no main document part in the package", ErrNotDocx)
}
