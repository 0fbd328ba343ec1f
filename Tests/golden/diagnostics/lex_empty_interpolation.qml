# an empty interpolation
print("braces {}")
# expect error: 2:15: empty interpolation `{}` in string
