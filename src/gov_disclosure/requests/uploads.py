"""What requests accept: applicants' proofs and the office's replies."""

from gov_disclosure.core.file_checks import DOC, DOCX, JPEG, OFD, PDF, PNG

APPLICANT_KINDS = (PDF, JPEG, PNG)
OFFICE_KINDS = (PDF, DOCX, DOC, OFD, JPEG, PNG)

APPLICANT_MAX_BYTES = 5 * 1024 * 1024
APPLICANT_MAX_FILES = 5
OFFICE_MAX_BYTES = 20 * 1024 * 1024
