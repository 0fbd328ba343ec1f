# a line that starts with |> continues the previous line
let r = [1, 2, 3, 4]
    |> filter(|x| x % 2 == 0)
    |> map(|x| x * x)
print(r)  # expect: [4, 16]
