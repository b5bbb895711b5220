"""The certificate pages: staff (issue, detail, status), the teacher's downloads, the public
check and status lists, the NRG and bulk-issuance pages."""
