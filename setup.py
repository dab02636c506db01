"""Build steps that pyproject.toml cannot express: the Cython kernels and the gRPC stubs.

Both are generated at build time from native/ and proto/ so that no build output is ever
committed; an editable install writes them into server/inkout/ beside the sources.
"""

from pathlib import Path

import numpy
from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent.resolve()
PROTO_ROOT = ROOT / "proto"
OUT_ROOT = ROOT / "server"


def generate_stubs() -> None:
    """Run protoc (from grpcio-tools) over proto/ into server/, next to the package."""
    import grpc_tools
    from grpc_tools import protoc

    protos = sorted(str(p.relative_to(PROTO_ROOT)) for p in PROTO_ROOT.rglob("*.proto"))
    well_known = Path(grpc_tools.__file__).parent / "_proto"
    args = [
        "grpc_tools.protoc",
        f"-I{PROTO_ROOT}",
        f"-I{well_known}",
        f"--python_out={OUT_ROOT}",
        f"--pyi_out={OUT_ROOT}",
        f"--grpc_python_out={OUT_ROOT}",
        *protos,
    ]
    if protoc.main(args) != 0:
        raise RuntimeError("protoc failed on " + ", ".join(protos))


class BuildPyWithStubs(build_py):
    def run(self) -> None:
        generate_stubs()
        super().run()


extensions = cythonize(
    [
        Extension(
            f"inkout.{name}",
            [f"native/{name}.pyx"],
            include_dirs=[numpy.get_include()],
            define_macros=[("NPY_NO_DEPRECATED_API", "NPY_1_7_API_VERSION")],
            extra_compile_args=["-O3"],
        )
        for name in ("_paint", "_png")
    ],
    compiler_directives={"language_level": "3", "boundscheck": False, "wraparound": False},
)

setup(ext_modules=extensions, cmdclass={"build_py": BuildPyWithStubs})
