# for without in
for x of [1, 2] { print(x) }
# expect error: 2:7: expected `in` after the loop variable, found `of`
