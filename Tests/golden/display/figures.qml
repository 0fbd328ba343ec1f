# figure builtins make Figure values that draw as text and SVG
let p = plot([1, 4, 9], title: "squares")
print(type(p), repr(p))                           # expect: Figure Figure(plot, 1 series: squares)
print(contains(p.svg, "<svg"), contains(p.svg, "squares"))   # expect: true true
print(repr(scatter([1, 2], [3, 4], labels: ["pts"])))   # expect: Figure(plot, 1 series)
print(repr(hist([1, 2, 2, 3], bins: 3)))                # expect: Figure(histogram, 3 bins)
print(repr(heatmap([[1, -1], [0, 2]])))                 # expect: Figure(heatmap 2 x 2)
print(repr(show([[[0, 1], [1, 0]], [[1, 1], [0, 0]]])))  # expect: Figure(2 pictures)
save(p, "/tmp/qrepl-golden-p.svg")
save(show([[[0, 1], [1, 0]]]), "/tmp/qrepl-golden-p.png")
print(starts_with(read_text("/tmp/qrepl-golden-p.svg"), "<?xml"))   # expect: true
print(table([{T: 1.5, m: 0.99}, {T: 3.0, m: 0.2}]))
# expect:   T     m
# expect: ─────────
# expect: 1.5  0.99
# expect: 3.0   0.2
