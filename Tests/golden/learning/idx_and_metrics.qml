# load_idx reads MNIST's IDX format. The files are written here from escaped strings (every
# byte is below 0x80, so UTF-8 writes it unchanged): two 2 x 3 images and their labels.
let images = "\u{0}\u{0}\u{8}\u{3}\u{0}\u{0}\u{0}\u{2}\u{0}\u{0}\u{0}\u{2}\u{0}\u{0}\u{0}\u{3}\u{0}\u{a}\u{14}\u{1e}\u{28}\u{32}\u{3c}\u{46}\u{50}\u{5a}\u{64}\u{7f}"
let labels = "\u{0}\u{0}\u{8}\u{1}\u{0}\u{0}\u{0}\u{2}\u{7}\u{3}"
write_text("/tmp/qrepl-golden-images.idx", images)
write_text("/tmp/qrepl-golden-labels.idx", labels)
let d = load_idx("/tmp/qrepl-golden-images.idx", labels: "/tmp/qrepl-golden-labels.idx")
print(d.size, d.height, d.width, d.labels)
# expect: 2 2 3 [7, 3]
print(d.rows[1])
# expect: [60, 70, 80, 90, 100, 127]
# l1_corr (seed 003's eq. 13): sum over pairs i < j of |<s_i s_j>_a - <s_i s_j>_b|.
# a: <s0 s1> = 1, <s0 s2> = 0, <s1 s2> = 0; b: -1, 1, -1, so the sum is 2 + 1 + 1 = 4.
let a = dataset([[1, 1, 1], [1, 1, -1]])
let b = dataset([[1, -1, 1], [-1, 1, -1]])
print(l1_corr(a, b))
# expect: 4.0
print(l1_corr(a, a))
# expect: 0.0
