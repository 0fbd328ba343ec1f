# indexing a record with a missing key
let r = {a: 1}
print(r["b"])
# expect error: 3:7: record has no key "b"
