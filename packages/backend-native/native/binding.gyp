{
  "variables": {
    "openblas_cflags%": "",
    "openblas_libs%": "-lopenblas"
  },
  "targets": [
    {
      "target_name": "prefopt_native",
      "sources": [
        "src/addon.c",
        "src/args.c",
        "src/kernels.c"
      ],
      "cflags": [
        "-O3",
        "-fopenmp",
        "-std=c11",
        "-Wall",
        "-Wno-unknown-pragmas",
        "<@(openblas_cflags)"
      ],
      "cflags!": [
        "-O2"
      ],
      "libraries": [
        "<@(openblas_libs)",
        "-fopenmp"
      ]
    }
  ]
}
