# tensors: construction, broadcasting arithmetic, @ through BLAS, reductions, indexing
let a = tensor([[1, 2], [3, 4]])
print(a)
print(a.shape, a.T.shape, a.dtype, a.rank, a.size, len(a), type(a))
print(a @ a.T + 1)
print(a * 2 - 1, 1 / a[0], -a[1], a ^ 2)
print(a + tensor([10, 20]))
print(a + tensor([[100], [200]]))
print(a @ tensor([1, 1]), tensor([1, 1]) @ a, tensor([1, 2]) @ tensor([3, 4]))
print(a.sum(), a.sum(axis: 0), a.mean(axis: 1), a.max(axis: -1), a.argmax(axis: 1), a.argmax())
print(sum(a), mean(a), max(a), min(a), abs(-a), sqrt(tensor([4, 9])))
print(a[0], a[-1], a[(1, 0)], a[(nil, 1)], a[0..<1], a.column(0))
print(a.reshape(4), a.reshape(-1, 1).shape, a.reshape((1, 4)).shape, a.to_list(), a[(0, 1)] + 1)
print(zeros(2, 3), ones((2,), dtype: "float32"), eye(2))
print(randn(3, 4, seed: 1) == randn(3, 4, seed: 1), randn(3, 4, seed: 1) == randn(3, 4, seed: 2))
print(rand((2, 3), seed: 1).shape, len(rand(3, seed: 1)))
print(concat([a, a], axis: 1), stack([a[0], a[1]]) == a)
print(tensor([0.1], dtype: "float32").to_list(), (tensor([0.5, 1.5]) + 1).astype("float32"))
print(a.map(|x| x * 10), a.clip(2, 3), tensor(3).shape)
for row in a { print(row.sum()) }
print(randn(20, 30, seed: 3).shape, tanh(zeros(2)), exp(zeros(1)), log(ones(1)))
# expect: tensor([[1.0, 2.0], [3.0, 4.0]])
# expect: (2, 2) (2, 2) float64 2 4 2 Tensor
# expect: tensor([[6.0, 12.0], [12.0, 26.0]])
# expect: tensor([[1.0, 3.0], [5.0, 7.0]]) tensor([1.0, 0.5]) tensor([-3.0, -4.0]) tensor([[1.0, 4.0], [9.0, 16.0]])
# expect: tensor([[11.0, 22.0], [13.0, 24.0]])
# expect: tensor([[101.0, 102.0], [203.0, 204.0]])
# expect: tensor([3.0, 7.0]) tensor([4.0, 6.0]) 11.0
# expect: 10.0 tensor([4.0, 6.0]) tensor([1.5, 3.5]) tensor([2.0, 4.0]) tensor([1.0, 1.0]) 3
# expect: 10.0 2.5 4.0 1.0 tensor([[1.0, 2.0], [3.0, 4.0]]) tensor([2.0, 3.0])
# expect: tensor([1.0, 2.0]) tensor([3.0, 4.0]) 3.0 tensor([2.0, 4.0]) tensor([[1.0, 2.0]]) tensor([1.0, 3.0])
# expect: tensor([1.0, 2.0, 3.0, 4.0]) (4, 1) (1, 4) [[1.0, 2.0], [3.0, 4.0]] 3.0
# expect: tensor([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]) tensor([1.0, 1.0], float32) tensor([[1.0, 0.0], [0.0, 1.0]])
# expect: true false
# expect: (2, 3) 3
# expect: tensor([[1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0]]) true
# expect: [0.10000000149011612] tensor([1.5, 2.5], float32)
# expect: tensor([[10.0, 20.0], [30.0, 40.0]]) tensor([[2.0, 2.0], [3.0, 3.0]]) ()
# expect: 3.0
# expect: 7.0
# expect: (20, 30) tensor([0.0, 0.0]) tensor([1.0]) tensor([0.0])
