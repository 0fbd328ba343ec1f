# mistakes in learning scripts get clear errors and the session goes on
let grey = digits()[0..<5]
let e1 = try { train(fvbm(complete(64)), grey, sampler: sa()) } catch e { e.message }
print(e1)                                     # expect: train: a Boltzmann machine learns ±1 data; binarize the data first
let e2 = try { train(fvbm(complete(3)), bars_and_stripes(2, 2)) } catch e { e.message }
print(e2)                                     # expect: train: the data has 4 values per row but the model has 3 variables
let e3 = try { train(fvbm(complete(4)), bars_and_stripes(2, 2), stop_outside: {W: (-1, 1)}) } catch e { e.message }
print(e3)                                     # expect: train: the model has no parameters called W to keep in [-1.0, 1.0]; it has h, J
let e4 = try { corrupt(bars_and_stripes(2, 2)) } catch e { e.message }
print(e4)                                     # expect: corrupt: give exactly one of `salt_pepper:` and `block:`
let e5 = try { corrupt(bars_and_stripes(2, 2), block: (3, 1)) } catch e { e.message }
print(e5)                                     # expect: corrupt: a 3 x 1 block does not fit in a 2 x 2 picture
let e6 = try { reconstruct(fvbm(complete(4)), bars_and_stripes(2, 2)) } catch e { e.message }
print(e6)                                     # expect: reconstruct: the data has no mask of unknown values; corrupt(...) it first
let e7 = try { train(fvbm(complete(30)), bars_and_stripes(5, 6)) } catch e { e.message }
print(e7)                                     # expect: train: give a sampler for a model of 30 variables
let e8 = try { resume("/tmp/qrepl-no-such-checkpoint.json") } catch e { e.message }
print(starts_with(e8, "resume: cannot read /tmp/qrepl-no-such-checkpoint.json"))   # expect: true
bars_and_stripes(2, 2)[9]
# expect error: 19:1: row 9 is out of range for a data set of 8 rows
