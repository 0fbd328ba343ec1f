# using a trained model: reconstruction of blacked-out blocks, classification, generation
let bas = bars_and_stripes(3, 3)
let m = fvbm(complete(9), seed: 1)
let corrupted = corrupt(bas, block: (2, 2), seed: 4)
let before = mistakes(reconstruct(m, corrupted, sampler: exact(), votes: 50, seed: 1), bas)
train(m, bas, sampler: exact(), lr: 0.2, l2: 0.0, steps: 300).run()
let rec = reconstruct(m, corrupted, sampler: exact(), votes: 50, seed: 1)
let after = mistakes(rec, bas)
print(before > 1, after < before / 4)         # expect: true true
print(rec.mask == corrupted.mask, rec.size)   # expect: true 16
# strong fields instead of fixing the known pixels give the same answer on this model
let by_field = reconstruct(m, corrupted, sampler: exact(), votes: 50, seed: 1, clamp: 8.0)
print(mistakes(by_field, bas) < before / 4)   # expect: true
# two classes of 3 x 3 pictures: each prototype and its nine one-pixel flips
let protos = [[1, 1, 1, -1, -1, -1, 1, 1, 1], [-1, 1, -1, -1, 1, -1, -1, 1, -1]]
var rows = []
var labels = []
for c in 0..<2 {
    for k in 0..<10 {
        rows.append(map(0..<9, |i| if i == k { -protos[c][i] } else { protos[c][i] }))
        labels.append(c)
    }
}
let pictures = dataset(rows, labels: labels, width: 3)
print(pictures)                               # expect: Dataset(20 rows x 9, 3x3 pictures, labels)
let lm = fvbm(complete(11), seed: 2)
train(lm, append_labels(pictures), sampler: exact(), lr: 0.1, steps: 300).run()
let predicted = classify(lm, pictures, sampler: exact(), votes: 50, seed: 3)
print(accuracy(predicted, pictures.labels))   # expect: 1.0
# generation with the class clamped gives pictures close to that class's prototype
let gen = generate(lm, clamp: {class: 1}, n: 20, sampler: exact(), seed: 4)
print(gen.size, gen.dimension, gen.shape)     # expect: 20 11 (3, 3)
let agree = |p| len(filter(0..<9, |i| p[i] == protos[1][i]))
print(mean(map(gen.rows, agree)) > 7)         # expect: true
