# shape errors and bad arguments are diagnostics that name both shapes
let a = tensor([[1, 2, 3], [4, 5, 6]])
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| a + tensor([1, 2])))
print(message(|| a @ a))
print(message(|| a[2]))
print(message(|| a.sum(axis: 2)))
print(message(|| a.reshape(4, -1)))
print(message(|| tensor([[1, 2], [3]])))
print(message(|| tensor([1, "x"])))
print(message(|| zeros(2, -1)))
print(message(|| tensor([1], dtype: "int8")))
print(message(|| a["x"]))
print(message(|| a.item()))
print(message(|| load_tensor("/nonexistent/x.npy")) != "no error")
a @ tensor([1, 2])
# expect: shapes (2, 3) and (2,) do not broadcast (axis 1: 3 vs 2)
# expect: shapes (2, 3) and (2, 3) do not match for @ (3 vs 2)
# expect: index 2 is out of range for axis 0 of a tensor of shape (2, 3)
# expect: axis 2 is out of range for a tensor of shape (2, 3)
# expect: cannot reshape a tensor of shape (2, 3) into (4, -1)
# expect: tensor: `values`: element [1] has 1 values but the first at that depth has 2
# expect: tensor: `values`: element [1] must be a number, got string
# expect: zeros: tensor extents must not be negative: (2, -1)
# expect: tensor: `dtype` must be "float32" or "float64", got "int8"
# expect: a tensor is indexed by integers, ranges, lists of integers, nil (a whole axis) or a tuple of them, got string
# expect: item: item() needs a tensor with one value, this one has shape (2, 3)
# expect: true
# expect error: 16:3: shapes (2, 3) and (2,) do not match for @ (3 vs 2)
