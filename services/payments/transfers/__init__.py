"""Transfer providers: sending an estate's payouts to bank accounts, behind one interface
(`base.TransferProvider`) beside the payment gateways, with the same credentials."""
