# Turn data/prices.json into a C string (lib/prices_data.c) so that the price
# table is compiled into the library while staying one data file in the tree.
BEGIN {
	print "/* Generated from data/prices.json by mk/prices2c.awk: do not edit. */"
	print "#include <stddef.h>"
	print ""
	print "#include \"prices_internal.h\""
	print ""
	print "const char ddbgt__prices_json[] ="
}
{
	line = $0
	gsub(/\\/, "\\\\", line)
	gsub(/"/, "\\\"", line)
	# "?" is escaped so that no trigraph can form under -std=c11.
	gsub(/\?/, "\\?", line)
	printf "\t\"%s\\n\"\n", line
}
END {
	print "\t;"
	print "const size_t ddbgt__prices_json_len = sizeof(ddbgt__prices_json) - 1;"
}
