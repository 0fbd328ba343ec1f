# trim removes leading and trailing whitespace
print("[" + trim("  hi  ") + "]")  # expect: [hi]
