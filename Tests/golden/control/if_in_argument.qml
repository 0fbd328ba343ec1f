# an if expression can be an argument
print(if 2 > 1 { "more" } else { "less" })  # expect: more
