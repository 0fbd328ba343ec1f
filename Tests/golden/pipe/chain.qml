# pipes chain left to right
print([3, 1, 2] |> sort |> map(|x| x * 2))  # expect: [2, 4, 6]
