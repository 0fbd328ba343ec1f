# data sets: the paper's counts, members, indexing, transforms and corruption masks
let bas = bars_and_stripes(7, 6)
print(bas)                                   # expect: Dataset(192 rows x 42, 7x6 pictures, labels)
print(bas.size, bas.height, bas.width)       # expect: 192 7 6
print(len(unique(bas.rows)))                 # expect: 190
print(bas[0][0..<6], bas[-1][0..<6])         # expect: [-1, -1, -1, -1, -1, -1] [1, 1, 1, 1, 1, 1]
let small = bars_and_stripes(2, 2)
print(small.pictures[5])                     # expect: [[1, -1], [1, -1]]
let digits14 = digits() |> crop(left: 1, right: 1, bottom: 1) |> select(labels: [1, 2, 3, 4]) |> binarize
print(digits14.size, digits14.height, digits14.width)   # expect: 723 7 6
let labelled = digits14 |> append_labels
print(labelled.dimension, labelled.classes)  # expect: 46 [1, 2, 3, 4]
print(labelled.labels[0], labelled[0][42..<46])   # expect: 1 [1, -1, -1, -1]
print(one_hot(digits14[0..<3]).rows)         # expect: [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]]
let (a, b) = split(bas, 0.5, seed: 1)
let (a2, _) = bas |> split(0.5, seed: 1)
print(a.size, b.size, a.rows == a2.rows)     # expect: 96 96 true
print(shuffle(bas, seed: 4).rows == shuffle(bas, seed: 4).rows, shuffle(bas, seed: 4).rows == bas.rows)   # expect: true false
print(map(batches(bas, 50, seed: 2), |x| x.size))   # expect: [50, 50, 50, 42]
let blocks = corrupt(b, block: (5, 4), seed: 3)
print(unique(map(blocks.mask, |row| len(filter(row, |x| x)))))   # expect: [20]
let noisy = corrupt(b, salt_pepper: 0.5, seed: 3)
print(unique(map(noisy.mask, |row| len(filter(row, |x| x)))))    # expect: [21]
let tiny = dataset([[0, 16, 8, 3]], labels: [7], width: 2)
print(binarize(tiny).rows, binarize(tiny, threshold: 4).rows)   # expect: [[-1, 1, 1, -1]] [[-1, 1, 1, -1]]
print(tiny.shape, tiny.labels)               # expect: (2, 2) [7]
print(split("a b"))                          # expect: ["a", "b"]
