# a lambda bound to a name can be piped into
let inc = |x| x + 1
print(1 |> inc |> inc)  # expect: 3
