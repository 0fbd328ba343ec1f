# sign of numbers and, elementwise, of tensors
print(sign(-3), sign(0), sign(7), sign(-0.5), sign(0.0))   # expect: -1 0 1 -1.0 0.0
print(sign(tensor([0.3, -2, 0])).to_list())   # expect: [1.0, -1.0, 0.0]
let p = tensor([[0.0, 1.0, 0.25]])
let draws = sign(p - rand((2000, 3), seed: 1))
print(draws.min(axis: 0).to_list(), draws.max(axis: 0).to_list())   # expect: [-1.0, 1.0, -1.0] [-1.0, 1.0, 1.0]
print(abs(draws.mean(axis: 0)[2] + 0.5) < 0.07)   # expect: true
sign("x")
# expect error: 8:1: sign: `x` must be a number, got string
