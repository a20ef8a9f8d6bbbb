package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/bodgit/sevenzip"
)

// The 7z decoder allocates from counts in the archive header (files,
// streams, folders, digests) before it reads what they count, trusting any
// value up to 2^32: a 39-byte archive claiming 4G files makes it allocate
// 480 GB, which kills the process with a fatal (unrecoverable) out-of-memory
// error. check7zHeader walks the header first and refuses any count that
// its bytes cannot back.

// Header bounds.
const (
	max7zHeader = 64 << 20 // bytes of a header, raw or decoded
	max7zCount  = 1 << 20  // files, streams, folders or digests of one header
	max7zCoders = 64       // coders, and streams of one coder, of one folder
)

// err7zHeader marks a header refused before decoding.
var err7zHeader = errors.New("7z header claims more than its bytes hold")

// check7zHeader validates the header of the 7z archive data; an encoded
// (compressed) header is decoded, within max7zHeader, and validated too.
// Trouble the decoder reports better itself (a bad offset, a CRC mismatch)
// is left to it.
func check7zHeader(r io.ReaderAt, size int64) error {
	var sig [32]byte
	if _, err := r.ReadAt(sig[:], 0); err != nil {
		return nil
	}
	off := int64(binary.LittleEndian.Uint64(sig[12:]))
	n := int64(binary.LittleEndian.Uint64(sig[20:]))
	if off < 0 || n <= 0 || off > size-32 || n > size-32-off {
		return nil
	}
	if n > max7zHeader {
		return fmt.Errorf("%w: %d-byte header", err7zHeader, n)
	}
	hdr := make([]byte, n)
	if _, err := r.ReadAt(hdr, 32+off); err != nil {
		return nil
	}
	switch hdr[0] {
	case 0x01:
		return checkHeader(hdr)
	case 0x17:
		c := &hcursor{b: hdr, pos: 1}
		if err := c.streamsInfo(); err != nil {
			return err
		}
		decoded, err := decode7zHeader(r, size, hdr[1:c.pos])
		if err != nil || len(decoded) == 0 {
			return nil // the decoder reports it
		}
		if decoded[0] != 0x01 {
			return nil
		}
		return checkHeader(decoded)
	}
	return nil
}

func checkHeader(hdr []byte) error {
	c := &hcursor{b: hdr, pos: 1}
	id := c.byte()
	if id == 0x04 {
		if err := c.streamsInfo(); err != nil {
			return err
		}
		id = c.byte()
	}
	if id == 0x05 {
		if _, err := c.count(max7zCount); err != nil {
			return err
		}
		for c.err == nil {
			prop := c.num()
			if prop == 0 {
				break
			}
			c.skip(c.num())
		}
	}
	return c.err
}

// decode7zHeader decodes an encoded header by handing its streams to the
// decoder as the one file of a made-up archive: data followed by a plain
// header listing that file.
func decode7zHeader(r io.ReaderAt, size int64, streams []byte) ([]byte, error) {
	var h bytes.Buffer
	h.Write([]byte{0x01, 0x04})
	h.Write(streams)
	h.Write([]byte{0x05, 0x01, 0x11, 0x05, 0x00, 'h', 0, 0, 0, 0x00, 0x00})
	sig := make([]byte, 32)
	copy(sig, "7z\xbc\xaf\x27\x1c\x00\x04")
	binary.LittleEndian.PutUint64(sig[12:], uint64(size-32))
	binary.LittleEndian.PutUint64(sig[20:], uint64(h.Len()))
	binary.LittleEndian.PutUint32(sig[28:], crc32.ChecksumIEEE(h.Bytes()))
	binary.LittleEndian.PutUint32(sig[8:], crc32.ChecksumIEEE(sig[12:32]))
	j := joined{
		{bytes.NewReader(sig), 32},
		{io.NewSectionReader(r, 32, size-32), size - 32},
		{bytes.NewReader(h.Bytes()), int64(h.Len())},
	}
	zr, err := sevenzip.NewReader(j, size+int64(h.Len()))
	if err != nil || len(zr.File) != 1 {
		return nil, err
	}
	if zr.File[0].UncompressedSize > max7zHeader {
		return nil, fmt.Errorf("%w: %d-byte decoded header", err7zHeader, zr.File[0].UncompressedSize)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, max7zHeader))
}

// joined is readers at laid end to end.
type joined []struct {
	r io.ReaderAt
	n int64
}

func (j joined) ReadAt(p []byte, off int64) (int, error) {
	done := 0
	for _, part := range j {
		if len(p) == 0 {
			break
		}
		if off >= part.n {
			off -= part.n
			continue
		}
		k := int(min(int64(len(p)), part.n-off))
		m, err := part.r.ReadAt(p[:k], off)
		done += m
		if m < k {
			if err == nil {
				err = io.ErrUnexpectedEOF
			}
			return done, err
		}
		p, off = p[k:], 0
	}
	if len(p) > 0 {
		return done, io.EOF
	}
	return done, nil
}

// hcursor reads 7z header structures, sticking at the first error.
type hcursor struct {
	b   []byte
	pos int
	err error
}

func (c *hcursor) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("%w: "+format, append([]any{err7zHeader}, args...)...)
	}
}

func (c *hcursor) byte() byte {
	if c.err != nil || c.pos >= len(c.b) {
		c.fail("header ends early")
		return 0
	}
	c.pos++
	return c.b[c.pos-1]
}

// num reads a 7z variable-length number.
func (c *hcursor) num() uint64 {
	first := c.byte()
	var v uint64
	mask := byte(0x80)
	for i := range 8 {
		if first&mask == 0 {
			return v | uint64(first&(mask-1))<<(8*i)
		}
		v |= uint64(c.byte()) << (8 * i)
		mask >>= 1
	}
	return v
}

// count reads a number of things each taking at least a byte of the
// header, or at most limit.
func (c *hcursor) count(limit int) (int, error) {
	v := c.num()
	if c.err == nil && (v > uint64(limit) || v > uint64(len(c.b))) {
		c.fail("count %d in a %d-byte header", v, len(c.b))
	}
	if c.err != nil {
		return 0, c.err
	}
	return int(v), nil
}

func (c *hcursor) skip(n uint64) {
	if c.err == nil && n > uint64(len(c.b)-c.pos) {
		c.fail("property of %d bytes past the header end", n)
		return
	}
	c.pos += int(n)
}

// digests skips a digest list of n entries.
func (c *hcursor) digests(n int) []bool {
	defined := make([]bool, n)
	if all := c.byte(); all != 0 {
		for i := range defined {
			defined[i] = true
		}
	} else {
		for i := range n {
			if i%8 == 0 {
				all = c.byte()
			}
			defined[i] = all&(0x80>>(i%8)) != 0
		}
	}
	for _, d := range defined {
		if d {
			c.skip(4)
		}
	}
	return defined
}

// streamsInfo walks PackInfo, UnpackInfo and SubStreamsInfo up to kEnd.
func (c *hcursor) streamsInfo() error {
	var folderCRC []bool
	var outs []int
	for c.err == nil {
		switch id := c.byte(); id {
		case 0x00:
			return c.err
		case 0x06:
			c.packInfo()
		case 0x07:
			folderCRC, outs = c.unpackInfo()
		case 0x08:
			c.subStreams(folderCRC, outs)
		default:
			c.fail("unexpected property %#x", id)
		}
	}
	return c.err
}

func (c *hcursor) packInfo() {
	c.num()
	n, _ := c.count(max7zCount)
	for c.err == nil {
		switch id := c.byte(); id {
		case 0x00:
			return
		case 0x09:
			for range n {
				c.num()
			}
		case 0x0A:
			c.digests(n)
		default:
			c.fail("unexpected pack property %#x", id)
		}
	}
}

// unpackInfo walks the folders; it returns whether each has a CRC and
// how many output streams each has.
func (c *hcursor) unpackInfo() ([]bool, []int) {
	if c.byte() != 0x0B {
		c.fail("unpack info without folders")
	}
	n, _ := c.count(max7zCount)
	if c.byte() != 0 {
		c.fail("external folders")
	}
	outs := make([]int, n)
	for i := range n {
		if c.err != nil {
			return nil, nil
		}
		outs[i] = c.folder()
	}
	if c.byte() != 0x0C {
		c.fail("folders without unpack sizes")
	}
	for _, o := range outs {
		for range o {
			c.num()
		}
	}
	crc := make([]bool, n)
	for c.err == nil {
		switch id := c.byte(); id {
		case 0x00:
			return crc, outs
		case 0x0A:
			crc = c.digests(n)
		default:
			c.fail("unexpected unpack property %#x", id)
		}
	}
	return nil, nil
}

// folder walks one folder and returns its number of output streams.
func (c *hcursor) folder() int {
	coders, _ := c.count(max7zCoders)
	in, out := 0, 0
	for range coders {
		flag := c.byte()
		c.skip(uint64(flag & 0x0F))
		ni, no := 1, 1
		if flag&0x10 != 0 {
			ni, _ = c.count(max7zCoders)
			no, _ = c.count(max7zCoders)
		}
		in, out = in+ni, out+no
		if flag&0x20 != 0 {
			c.skip(c.num())
		}
	}
	if out < 1 || in < out-1 {
		c.fail("folder with %d inputs and %d outputs", in, out)
		return 0
	}
	for range out - 1 {
		c.num()
		c.num()
	}
	if packed := in - (out - 1); packed > 1 {
		for range packed {
			c.num()
		}
	}
	return out
}

func (c *hcursor) subStreams(folderCRC []bool, outs []int) {
	streams := make([]int, len(outs))
	for i := range streams {
		streams[i] = 1
	}
	for c.err == nil {
		switch id := c.byte(); id {
		case 0x00:
			return
		case 0x0D:
			total := 0
			for i := range streams {
				streams[i], _ = c.count(max7zCount)
				if total += streams[i]; total > max7zCount || total > len(c.b) {
					c.fail("%d substreams in a %d-byte header", total, len(c.b))
				}
			}
		case 0x09:
			for _, s := range streams {
				for range max(s-1, 0) {
					c.num()
				}
			}
		case 0x0A:
			n := 0
			for i, s := range streams {
				if s != 1 || i >= len(folderCRC) || !folderCRC[i] {
					n += s
				}
			}
			c.digests(n)
		default:
			c.fail("unexpected substream property %#x", id)
		}
	}
}
