/// Certificates used by the TLS rules' documented examples, copied from
/// `Fixtures/certificates/examples` (made by `Tests/Scripts/make-certificates.sh`, valid until
/// 2099 except `expired`). The examples are the rules' documentation, so they embed real
/// certificates a reader can decode with `openssl x509 -text`.
enum TLSExampleCertificates {
  /// `broad.pem`.
  static let broad = """
    -----BEGIN CERTIFICATE-----
    MIIBdzCCARygAwIBAgICECMwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT2MCZdhQ63E08d
    DZXzu6TdHWArkvsfA9fSg8vQM+sQi+ya87ONijNW8ZZgIB7d5tef7dPr7q7EeRjF
    A9/3DmxWo1wwWjAYBgNVHREEETAPgg0qLmV4YW1wbGUuY29tMB0GA1UdDgQWBBTc
    bdcVyFCK0GUUqUHZiYGYZQWSYjAfBgNVHSMEGDAWgBQdzBEJRYwt5GTXXsZdHpC2
    Lpcq4jAKBggqhkjOPQQDAgNJADBGAiEA5iKHyxvJ3alKMBiDW2ilrDbAKSRJxYvV
    GhdfQevtn/cCIQD+YX+crXPAMV0zdZOTEyqMtTPh2x0pGUKbXGkTck+ZSQ==
    -----END CERTIFICATE-----
    """

  /// `client-only.pem`.
  static let clientOnly = """
    -----BEGIN CERTIFICATE-----
    MIIBmjCCAT+gAwIBAgICECYwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHj+PhplGZ8x
    C2xQ0g4UvJaTkj6ZcLPR0A09hXnDGI/94y0hNvRPw6UpC9gjpzc/vnB756DKZfSN
    J5BcsQaMyTyjfTB7MCQGA1UdEQQdMBuCGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b20wEwYDVR0lBAwwCgYIKwYBBQUHAwIwHQYDVR0OBBYEFBOsDO/Wq8PYI3eFG69y
    HXHzuS7VMB8GA1UdIwQYMBaAFB3MEQlFjC3kZNdexl0ekLYulyriMAoGCCqGSM49
    BAMCA0kAMEYCIQCLBRoV53+cOk7YgvCwkFN883sWy37y9GvCeGVaKNVi2AIhAM+z
    KCszH+Wcg+WY+Trq8hfzu3uf6Nz8Gi9v1ynEwf6h
    -----END CERTIFICATE-----
    """

  /// `expired.pem`.
  static let expired = """
    -----BEGIN CERTIFICATE-----
    MIIBgzCCASigAwIBAgICECIwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAeFw0yMDAxMDEwMDAwMDBaFw0yMDAyMDEwMDAwMDBaMBIxEDAOBgNV
    BAMMB2thZmthLTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASO78vZ/13+3Ro/
    mBBWfzQRCJVGUP3z6k2oaGTOvT/EHu/si7tyo2FNR0+6PPhyAwq1ZXAGe3OZfp6P
    Bu0RmbhLo2gwZjAkBgNVHREEHTAbghlrYWZrYS0xLmthZmthLmV4YW1wbGUuY29t
    MB0GA1UdDgQWBBTGiqVUC7sSmNGS63cOGsZ3VAad8DAfBgNVHSMEGDAWgBQdzBEJ
    RYwt5GTXXsZdHpC2Lpcq4jAKBggqhkjOPQQDAgNJADBGAiEAr51DcucsCRaBUWkd
    mjMrzB3P/Nf+wPkgy2tyGe1VxTMCIQDNnYaTL3uVeaY8gXQc4ljBunXoe+wfNNi+
    ToUCr6a2DQ==
    -----END CERTIFICATE-----
    """

  /// `inner-wildcard.pem`.
  static let innerWildcard = """
    -----BEGIN CERTIFICATE-----
    MIIBfjCCASSgAwIBAgICECUwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASQyEYXbFgRJmfF
    8kX5YFgBkEmxT7eGtcyP1vK1RaXejzDorYXCFsZ7MZvZif+se65vYlRwSsi7NMu+
    f91kxlWwo2QwYjAgBgNVHREEGTAXghVrYWZrYS0xLiouZXhhbXBsZS5jb20wHQYD
    VR0OBBYEFF0LA3ZUXyNkS2TkF8TiAIjqlvbaMB8GA1UdIwQYMBaAFB3MEQlFjC3k
    ZNdexl0ekLYulyriMAoGCCqGSM49BAMCA0gAMEUCIQDuV0TUbI/m7E8GA0fHusig
    Iw/qUBry9MSxwv5DhYU80AIgOnE601BfUGDdROJc/E9/20Ecmm7PEdMOdNs/14QC
    Gtg=
    -----END CERTIFICATE-----
    """

  /// `kafka-1-no-bootstrap.pem`.
  static let kafka1NoBootstrap = """
    -----BEGIN CERTIFICATE-----
    MIIBhDCCASqgAwIBAgICECEwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABK6vL3oWvFhc
    cOn5a3dnlNDXiAGEJMaHbUm+0xhm5/Uy11RR1BlmdjywE/eOsFhpR1UvYAdHH0yt
    1J2SgScxsr2jaDBmMCQGA1UdEQQdMBuCGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b20wHQYDVR0OBBYEFOVJ1CV8CQFCgDmVrXhkkYhSuGO3MB8GA1UdIwQYMBaAFB3M
    EQlFjC3kZNdexl0ekLYulyriMAoGCCqGSM49BAMCA0gAMEUCIESnRbv2Sb5aR3M6
    k0SaMUEKKVxx3L2vk+JIFCPENNIyAiEAgcUCRKnlXHj0HBYc2XKXTU9yAN/uNW1l
    bWPQRwHsP14=
    -----END CERTIFICATE-----
    """

  /// `kafka-1-short.pem`.
  static let kafka1Short = """
    -----BEGIN CERTIFICATE-----
    MIIBfjCCASOgAwIBAgICEB8wCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCm7anU8Satd
    0O+e+4kOzUGbZzVMXQjhYJdZ/cdYtDMbSQckgPGZoxsm0bGN6vvybAxUX7pzo/Wd
    YL0TvpaEpJyjYTBfMB0GA1UdEQQWMBSCB2thZmthLTGCCWxvY2FsaG9zdDAdBgNV
    HQ4EFgQUtkNFNncPVdUrqfJYo/bOReKFp1MwHwYDVR0jBBgwFoAUHcwRCUWMLeRk
    117GXR6Qti6XKuIwCgYIKoZIzj0EAwIDSQAwRgIhAN0UnfO5f0PT4WNV6nklyixv
    JCT2ENGotptUYxCyiFhlAiEAvTxllydRp76E8lnvUXDISaLjTf5xhfKmMJfZ89j3
    N7w=
    -----END CERTIFICATE-----
    """

  /// `kafka-1.pem`.
  static let kafka1 = """
    -----BEGIN CERTIFICATE-----
    MIIBlzCCAT2gAwIBAgICECAwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBWWoz8bHbvd
    mJGzMG/2CTfK6eJ327/00cGQ+R8T9vGYEzioJapNjkUdabYfpEff9fJcyKi1F5SD
    V4PnyXf18bmjezB5MDcGA1UdEQQwMC6CGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b22CEWthZmthLmV4YW1wbGUuY29tMB0GA1UdDgQWBBTTK7MDpwaZvsS4NIHF2z90
    DM/A5TAfBgNVHSMEGDAWgBQdzBEJRYwt5GTXXsZdHpC2Lpcq4jAKBggqhkjOPQQD
    AgNIADBFAiEAjTuPT6iermL4Q/UfvM4K0CwOV0/RO/GcRxYm1h/m6UECIHPy585y
    E1yPXohe4KxMfHHrqk63zJ8JW+/0MHcxSCet
    -----END CERTIFICATE-----
    """

  /// `server-client.pem`.
  static let serverClient = """
    -----BEGIN CERTIFICATE-----
    MIIBpDCCAUugAwIBAgICECcwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHLjKUFw4QQd
    Hv+XlqpFMiEYedUaj8rqHyy5Jp9h+v7Y3mXh6wlEA6ZXjXsvnaWNz0xnovICAbdL
    fKb2OW16CbyjgYgwgYUwJAYDVR0RBB0wG4IZa2Fma2EtMS5rYWZrYS5leGFtcGxl
    LmNvbTAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIwHQYDVR0OBBYEFA8w
    EWPSSsQYEeoJ5wEhF2Oid20HMB8GA1UdIwQYMBaAFB3MEQlFjC3kZNdexl0ekLYu
    lyriMAoGCCqGSM49BAMCA0cAMEQCIBrCsnQTpeN8EK9TpX2a1rIB2Ay48EgybGbf
    HDmRX4ScAiBdkK2HcMba3R9gWQQ2VUrDCI/9wyyTK+PS2OsMFRPTUg==
    -----END CERTIFICATE-----
    """

  /// `shared.pem`.
  static let shared = """
    -----BEGIN CERTIFICATE-----
    MIIBfDCCASKgAwIBAgICECQwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR+uLXjAmliWfeB
    FBIJnUqScafn0T+qxIAtdDeZIdK/rWz7hjILzkbEOCzWd+bzl9xTrzUfTA+zClAx
    WHBNOz5Ho2IwYDAeBgNVHREEFzAVghMqLmthZmthLmV4YW1wbGUuY29tMB0GA1Ud
    DgQWBBRirUN2hajK8SJXVTSzrV3Qct3VtjAfBgNVHSMEGDAWgBQdzBEJRYwt5GTX
    XsZdHpC2Lpcq4jAKBggqhkjOPQQDAgNIADBFAiA9DKQjVuYyb6hNYHE6FlPJvTDy
    H2wT8AOeIJSG7Hed9QIhAM7fNAC2jziAPN49BU7PHduoVoIrxLKaNVs6GhpFJ7u0
    -----END CERTIFICATE-----
    """

  /// A `ssl.keystore.certificate.chain` value for a properties file: the PEM text on
  /// continuation lines, as Kafka's PEM keystore documentation writes it.
  static func propertiesValue(_ pem: String) -> String {
    pem.split(separator: "\n").joined(separator: " \\\n  ") + "\n"
  }
}

/// `text` with every line indented by `spaces`, for PEM blocks inside YAML examples.
func indented(_ text: String, by spaces: Int) -> String {
  let pad = String(repeating: " ", count: spaces)
  return text.split(separator: "\n").map { pad + $0 }.joined(separator: "\n") + "\n"
}
