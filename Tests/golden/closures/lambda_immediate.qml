# a lambda can be called where it is written
print((|x| x * 2)(4))  # expect: 8
