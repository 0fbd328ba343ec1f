# data sets from files: NumPy arrays, CSV text (a header line is skipped), labels
save([[1, -1, 1, -1], [-1, -1, 1, 1], [1, 1, 1, 1]], "/tmp/qrepl-golden-x.npy")
save([0, 1, 1], "/tmp/qrepl-golden-y.npy")
let a = load_npy("/tmp/qrepl-golden-x.npy", labels: "/tmp/qrepl-golden-y.npy")
print(a)                                      # expect: Dataset(3 rows x 4, 2x2 pictures, labels)
print(a.rows[1], a.labels)                    # expect: [-1, -1, 1, 1] [0, 1, 1]
save([{x0: 0, x1: 16, x2: 8, label: 3}, {x0: 4, x1: 4, x2: 12, label: 5}], "/tmp/qrepl-golden-d.csv")
let c = load_csv("/tmp/qrepl-golden-d.csv", label: "last")
print(c.size, c.dimension, c.labels, c.rows)  # expect: 2 3 [3, 5] [[0, 16, 8], [4, 4, 12]]
print(binarize(c).rows)                       # expect: [[-1, 1, 1], [-1, -1, 1]]
let first = load_csv("/tmp/qrepl-golden-d.csv", label: 0)
print(first.labels, first.dimension)          # expect: [0, 4] 3
