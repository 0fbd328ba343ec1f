# block comments nest: an inner close marker does not end the outer comment
#[ outer #[ inner ]# still a comment
print(2)
]#
print(3)  # expect: 3
