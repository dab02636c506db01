# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Undo PNG's per-row filters in place, without the GIL.

The Python side (inkout.decode) inflates the IDAT stream and checks its length; this kernel
gets the rows as one C-contiguous uint8 array of shape (height, 1 + row bytes), each row led by
its filter type, and rebuilds the raw bytes in place (PNG specification, section 9). It checks
the shape and the bytes per pixel itself, so no input can make it read or write outside the
array; an unknown filter type is reported, never guessed.
"""

cimport numpy as cnp

cnp.import_array()


cdef inline unsigned char _paeth(int a, int b, int c) noexcept nogil:
    cdef int p = a + b - c
    cdef int pa = p - a if p >= a else a - p
    cdef int pb = p - b if p >= b else b - p
    cdef int pc = p - c if p >= c else c - p
    if pa <= pb and pa <= pc:
        return <unsigned char>a
    if pb <= pc:
        return <unsigned char>b
    return <unsigned char>c


cdef int _unfilter(unsigned char* data, Py_ssize_t height, Py_ssize_t stride,
                   Py_ssize_t bpp) noexcept nogil:
    """Rows of stride bytes (filter byte first); returns the first bad row, or -1."""
    cdef Py_ssize_t y, x, n = stride - 1
    cdef unsigned char* row
    cdef unsigned char* up
    cdef unsigned char kind
    for y in range(height):
        row = data + y * stride + 1
        up = row - stride  # only read when y > 0
        kind = row[-1]
        if kind == 0:
            pass
        elif kind == 1:
            for x in range(bpp, n):
                row[x] = <unsigned char>(row[x] + row[x - bpp])
        elif kind == 2:
            if y > 0:
                for x in range(n):
                    row[x] = <unsigned char>(row[x] + up[x])
        elif kind == 3:
            if y > 0:
                for x in range(bpp):
                    row[x] = <unsigned char>(row[x] + (up[x] >> 1))
                for x in range(bpp, n):
                    row[x] = <unsigned char>(row[x] + ((row[x - bpp] + up[x]) >> 1))
            else:
                for x in range(bpp, n):
                    row[x] = <unsigned char>(row[x] + (row[x - bpp] >> 1))
        elif kind == 4:
            if y > 0:
                for x in range(bpp):
                    row[x] = <unsigned char>(row[x] + up[x])
                for x in range(bpp, n):
                    row[x] = <unsigned char>(
                        row[x] + _paeth(row[x - bpp], up[x], up[x - bpp])
                    )
            else:  # no row above: Paeth picks the left byte, as Sub does
                for x in range(bpp, n):
                    row[x] = <unsigned char>(row[x] + row[x - bpp])
        else:
            return <int>y
    return -1


def unfilter(cnp.ndarray rows, Py_ssize_t bpp):
    """Undo the filter of every row of rows (uint8, C-contiguous, (height, 1 + row bytes)).

    bpp is the bytes per complete pixel (at least 1). Raises ValueError on a bad shape or an
    unknown filter type.
    """
    if cnp.PyArray_TYPE(rows) != cnp.NPY_UINT8 or rows.ndim != 2 or not rows.flags.c_contiguous:
        raise ValueError("rows must be a C-contiguous 2-D uint8 array")
    if not rows.flags.writeable:
        raise ValueError("rows must be writeable")
    cdef Py_ssize_t height = rows.shape[0], stride = rows.shape[1]
    if bpp < 1 or stride < 1 + bpp or (stride - 1) % bpp:
        raise ValueError(f"a row of {stride - 1} bytes does not hold pixels of {bpp} bytes")
    cdef unsigned char* data = <unsigned char*>cnp.PyArray_DATA(rows)
    cdef int bad
    with nogil:
        bad = _unfilter(data, height, stride, bpp)
    if bad >= 0:
        raise ValueError(f"row {bad} has an unknown filter type {rows[bad, 0]}")
