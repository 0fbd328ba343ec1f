# indexing nil
let x = nil
print(x[0])
# expect error: 3:7: nil cannot be indexed
