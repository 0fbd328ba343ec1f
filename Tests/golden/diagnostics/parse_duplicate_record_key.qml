# a record key given twice
let r = {a: 1, a: 2}
# expect error: 2:16: duplicate key `a` in record
