# tensors and RBMs draw themselves with heatmap and show
let t = randn(3, 4, seed: 1)
let f = heatmap(t, title: "t")
print(type(f), [f])
print([heatmap(tensor([1, 2, 3]))])
let m = rbm(16, 5, seed: 1)
print([heatmap(m), show(m)])
print(contains(heatmap(t).svg, "<svg"))
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| heatmap(zeros(2, 2, 2))))
print(message(|| show(rbm(15, 3))))
# expect: Figure [Figure(heatmap 3 x 4: t)]
# expect: [Figure(heatmap 1 x 3)]
# expect: [Figure(heatmap 16 x 5: W (visible x hidden)), Figure(5 pictures)]
# expect: true
# expect: heatmap: heatmap needs a vector or a matrix, this tensor has shape (2, 2, 2)
# expect: show: show(model) draws filters of square pictures; this RBM has 15 pixels
