# floats inside lists keep their float display
print([1.0, 0.5, 1e-06])  # expect: [1.0, 0.5, 1e-06]
