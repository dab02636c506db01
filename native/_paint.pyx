# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Fill many rectangles in an image in one call, without the GIL.

The Python API lives in inkout.paint; this kernel trusts its caller for shapes and dtypes
but clips every rectangle to the image, so no input can write outside the buffer.
"""

from libc.stdint cimport int32_t, uint8_t, uint16_t

ctypedef fused pixel_t:
    uint8_t
    uint16_t
    float


def fill_rects(pixel_t[:, :, ::1] image, const int32_t[:, ::1] rects, const pixel_t[:, ::1] colours):
    """Paint rects[i] = (left, top, right, bottom), right/bottom exclusive, with colours[i].

    image is (height, width, channels) and C-contiguous; colours is (n, channels).
    Returns how many rectangles touched the image after clipping.
    """
    cdef Py_ssize_t height = image.shape[0]
    cdef Py_ssize_t width = image.shape[1]
    cdef Py_ssize_t channels = image.shape[2]
    cdef Py_ssize_t n = rects.shape[0]
    cdef Py_ssize_t i, x, y, c, x0, y0, x1, y1
    cdef Py_ssize_t painted = 0
    if rects.shape[1] != 4:
        raise ValueError("rects must have shape (n, 4)")
    if colours.shape[0] != n or colours.shape[1] != channels:
        raise ValueError("colours must have shape (n, channels)")
    with nogil:
        for i in range(n):
            x0 = rects[i, 0]
            y0 = rects[i, 1]
            x1 = rects[i, 2]
            y1 = rects[i, 3]
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
            for y in range(y0, y1):
                for x in range(x0, x1):
                    for c in range(channels):
                        image[y, x, c] = colours[i, c]
    return painted
