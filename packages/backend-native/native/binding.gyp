{
  "targets": [
    {
      "target_name": "prefopt_native",
      "sources": [
        "src/addon.c",
        "src/kernels.c"
      ],
      "cflags": [
        "-O3",
        "-fopenmp",
        "-std=c11",
        "-Wall",
        "-Wno-unknown-pragmas"
      ],
      "cflags!": [
        "-O2"
      ],
      "libraries": [
        "-lopenblas",
        "-fopenmp"
      ]
    }
  ]
}
