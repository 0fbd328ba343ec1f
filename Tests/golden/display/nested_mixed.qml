# values of every kind nest in display form
print([(1, "a"), {k: [1.5]}, nil, true])  # expect: [(1, "a"), {k: [1.5]}, nil, true]
