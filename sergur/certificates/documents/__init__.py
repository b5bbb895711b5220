"""The certificate's documents: the signed PDF, the signed credential, the status lists."""
