# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Fill many rectangles in an image in one call, without the GIL.

The Python API lives in inkout.paint. This kernel checks what it needs to stay inside the
buffers (dtypes, shapes, contiguity) and clips every rectangle to the image, so no input can
write outside the image. It works on bytes: a pixel is channels * itemsize bytes, copied as is.

Per rectangle, every row is one memset (when all bytes of the pixel are equal: any uint8 gray,
black or white on uint16, 0.0 on float32) or one memcpy from a row-long buffer holding the
pixel repeated, which is built once per colour and reused while the colour stays the same.
Rectangles are painted in order, so where they overlap the later one wins.
"""

cimport numpy as cnp
from libc.stdint cimport int32_t
from libc.stdlib cimport free, malloc
from libc.string cimport memcmp, memcpy, memset

cnp.import_array()


cdef inline bint _uniform(const unsigned char* p, Py_ssize_t n) noexcept nogil:
    """True when all n bytes at p are equal, so a run of such pixels is one memset."""
    cdef Py_ssize_t k
    for k in range(1, n):
        if p[k] != p[0]:
            return False
    return True


def fill_rects(
    cnp.ndarray image not None,
    cnp.ndarray rects not None,
    cnp.ndarray colours not None,
    int padding=0,
    bint sizes=False,
):
    """Paint rects[i] = (left, top, right, bottom), right/bottom exclusive, with colours[i].

    image is (height, width) or (height, width, channels), C-contiguous, writable, uint8, uint16
    or float32. rects is int32 (n, 4). colours has the image's dtype and shape (n, channels),
    one pixel per rectangle, or (1, channels), one pixel for all. padding grows every rectangle
    on all sides (negative shrinks); sizes=True reads rects as (left, top, width, height).
    Coordinates are computed in 64 bits, so no int32 input overflows.
    Returns how many rectangles touched the image after clipping.
    """
    cdef int ndim = cnp.PyArray_NDIM(image)
    if ndim != 2 and ndim != 3:
        raise ValueError("image must have shape (height, width) or (height, width, channels)")
    cdef int kind = cnp.PyArray_TYPE(image)
    if kind != cnp.NPY_UINT8 and kind != cnp.NPY_UINT16 and kind != cnp.NPY_FLOAT32:
        raise TypeError(f"unsupported pixel type {image.dtype}")
    if not cnp.PyArray_IS_C_CONTIGUOUS(image):
        raise ValueError("image must be C-contiguous")
    if not cnp.PyArray_ISWRITEABLE(image):
        raise ValueError("image must be writable")
    if cnp.PyArray_NDIM(rects) != 2 or cnp.PyArray_DIM(rects, 1) != 4:
        raise ValueError("rects must have shape (n, 4)")
    if cnp.PyArray_TYPE(rects) != cnp.NPY_INT32 or not cnp.PyArray_ISNOTSWAPPED(rects):
        raise TypeError("rects must be int32")
    if not cnp.PyArray_IS_C_CONTIGUOUS(rects):
        raise ValueError("rects must be C-contiguous")

    cdef Py_ssize_t height = cnp.PyArray_DIM(image, 0)
    cdef Py_ssize_t width = cnp.PyArray_DIM(image, 1)
    cdef Py_ssize_t channels = cnp.PyArray_DIM(image, 2) if ndim == 3 else 1
    cdef Py_ssize_t n = cnp.PyArray_DIM(rects, 0)
    if (
        cnp.PyArray_NDIM(colours) != 2
        or cnp.PyArray_DIM(colours, 1) != channels
        or (cnp.PyArray_DIM(colours, 0) != n and cnp.PyArray_DIM(colours, 0) != 1)
    ):
        raise ValueError("colours must have shape (n, channels) or (1, channels)")
    if not cnp.PyArray_EquivTypes(colours.descr, image.descr):
        raise TypeError(f"colours must have the image's dtype {image.dtype}, not {colours.dtype}")
    if not cnp.PyArray_IS_C_CONTIGUOUS(colours):
        raise ValueError("colours must be C-contiguous")

    cdef Py_ssize_t pixel = channels * cnp.PyArray_ITEMSIZE(image)  # bytes per pixel
    cdef Py_ssize_t stride = width * pixel  # bytes per image row
    cdef Py_ssize_t step = pixel if cnp.PyArray_DIM(colours, 0) == n and n > 1 else 0
    cdef unsigned char* base = <unsigned char*>cnp.PyArray_DATA(image)
    cdef const int32_t* r = <const int32_t*>cnp.PyArray_DATA(rects)
    cdef const unsigned char* colour = <const unsigned char*>cnp.PyArray_DATA(colours)
    # One image row of the current colour repeated; `ready` bytes of it are filled so far.
    cdef unsigned char* row = <unsigned char*>malloc(stride if stride > 0 else 1)
    if row == NULL:
        raise MemoryError()

    cdef const unsigned char* current = NULL  # the colour `row` holds
    cdef const unsigned char* c
    cdef unsigned char* dst
    cdef bint flat = False
    cdef Py_ssize_t i, y, x0, y0, x1, y1, span, ready = 0, more
    cdef Py_ssize_t painted = 0
    with nogil:
        for i in range(n):
            x0 = <Py_ssize_t>r[0] - padding
            y0 = <Py_ssize_t>r[1] - padding
            if sizes:
                x1 = <Py_ssize_t>r[0] + r[2] + padding
                y1 = <Py_ssize_t>r[1] + r[3] + padding
            else:
                x1 = <Py_ssize_t>r[2] + padding
                y1 = <Py_ssize_t>r[3] + padding
            r += 4
            if x0 < 0:
                x0 = 0
            if y0 < 0:
                y0 = 0
            if x1 > width:
                x1 = width
            if y1 > height:
                y1 = height
            if x0 >= x1 or y0 >= y1:
                continue
            painted += 1
            if pixel == 0:
                continue
            c = colour + i * step
            if c != current and (current == NULL or memcmp(c, current, pixel) != 0):
                flat = _uniform(c, pixel)
                ready = 0
            current = c
            span = (x1 - x0) * pixel
            dst = base + y0 * stride + x0 * pixel
            if flat:
                for y in range(y0, y1):
                    memset(dst, c[0], span)
                    dst += stride
                continue
            if ready == 0:
                memcpy(row, c, pixel)
                ready = pixel
            while ready < span:  # double the filled part until it covers this rectangle
                more = ready if ready < span - ready else span - ready
                memcpy(row + ready, row, more)
                ready += more
            for y in range(y0, y1):
                memcpy(dst, row, span)
                dst += stride
    free(row)
    return painted
