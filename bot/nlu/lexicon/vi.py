"""Vietnamese with and without diacritics (matching folds them away, so one unaccented form covers both), and
teencode ('ko', 'dc', 'e' for em)."""

FORMS = {
    "agent": (
        "di tru|so di tru|nhan vien di tru|ice|canh sat di tru|nguoi cua ice|nguoi di tru|lien bang|dac vu|"
        "nhap cu va hai quan|cuc di tru|nhan vien ice|canh sat ice|di tru my|so di tru my|nguoi cua so di tru"
    ),
    "officer": (
        "mac ao ice|ao ice|mac ao|nhan vien|may nguoi|vai nguoi|hai nguoi|may ong|may thang|ao gile|ao vest|"
        "dong phuc|thuong phuc|dac vu"
    ),
    "police": (
        "cs|canh sat di tru|ong canh sat|may ong canh sat|canh sat|cong an|police|xe canh sat|sheriff|"
        "canh sat giao thong|csgt"
    ),
    "door": (
        "dap cua|cua chinh|bam chuong cua|go cua nha|dap cua nha|go cua|mo cua|truoc cua|ngoai cua|cua nha|"
        "chuong cua|bam chuong|khe cua|qua khe cua"
    ),
    "home": (
        "nha rieng|phong tro|nha tro|nha cua toi|nha minh|o nha|ve nha|tai nha|nha cua|nha toi|nha em|can ho|"
        "chung cu|cho o|phong|cua so"
    ),
    "outside": "ngoai|ben ngoai|o ngoai|truoc nha|dung truoc|dung ngoai|dau xe|dau truoc|xe dau",
    "knock": "dap cua|go manh|dap manh|goi cua|dap|go cua|bam chuong|gọi cửa|go cua nha|dap cua nha",
    "open": (
        "vao truong|vo truong|vao truong hoc|vo truong hoc|vao benh vien|vo benh vien|vao nha tho|mo cua|cho vao|"
        "cho ho vao|vao nha|xong vao|pha cua|muon vo|doi vo|vo nha|vo kiem tra|ko mo|khong mo"
    ),
    "warrant": (
        "lenh|lenh toa|lenh khám|lenh kham xet|lenh bat|giay cua toa|chu ky cua tham phan|i 205|giay toa an|"
        "lenh toa an|lenh cua toa"
    ),
    "airport": (
        "vao phong rieng|dua vao phong rieng|dua vo phong rieng|dua vao phong|phong rieng|san bai|phi truog|xan bay|"
        "cua khau|xuat canh|san bay|phi truong|airport|nha ga"
    ),
    "flight": (
        "xuong may bay|moi xuong may bay|may bay|chuyen bay|bay qua|bay sang|ha canh|moi den|vua den|vua toi|"
        "den noi|dap xuong"
    ),
    "customs": (
        "hoi chuyen|phong rieng hoi|hai quan|nhap canh|kiem tra|phong rieng|phong nho|tham van|cbp|cua khau|"
        "dan vo phong|vo phong rieng|dan anh vo phong"
    ),
    "passport": "ho chieu|passport",
    "border": "bien gioi|bien phong|vung bien",
    "checkpoint": (
        "tram kiem soat|tram kiem tra|chot|chot chan|diem kiem tra|tuan tra bien gioi|bien phong|checkpoint|"
        "truc xuat nhanh|chot kiem tra|tram bien phong|kiem tra tren duong"
    ),
    "road": "xa lo|duong cao toc|cao toc|quoc lo|highway|freeway|tren duong|duong",
    "car": "xe|lai xe|dang lai|bang lai|giay phep lai xe|cop xe|thung xe|ve phat|tai xe",
    "stop": (
        "doi coi giay to|doi coi giay|doi xem giay to|coi giay to|xem giay to|luc tui|luc tui xach|luc luon|"
        "luc soat nguoi|kham nguoi|hoi tu dau toi|hoi tui tu dau|hoi toi tu dau toi|hoi giay|doi giay to|doi giay|"
        "hoi bang lai|xet giay to|chan e|chan em|chan toi|chan tui|chan|chan lai|chan xe|bi chan|dung lai|bat dung|"
        "hoi giay to|kiem tra giay to|xet|khám xét|kham xet|luc soat|hoi toi tu dau|tra hoi|bat dung xe|dung xe|"
        "xet giay|hach hoi|kiem tra xe|bi chan lai"
    ),
    "street": (
        "dau o|dau hem|dau ngo|trong hem|xe buyt|xe bus|cho xe buyt|doi xe buyt|ben xe|tram xe|di bo|dang di bo|"
        "ngoai duong|duong pho|tren pho|sieu thi|cua hang|bai dau xe|tram xang|tram xe buyt|tram xe bus"
    ),
    "papers": "giay to|khong giay to|ko giay to|giay|cmnd|can cuoc|id|ho so|tinh trang|bat hop phap",
    "taken": (
        "ice hot|ice bat|ice tom|di tru hot|di tru bat|canh sat bat|cs bat|ice bat giu|ice bat di|ice hot di|"
        "bi tom|bi hot|hot di|tom roi|bi bat rui|bat rui|bi cong an bat|bi canh sat bat|bat|bi bat|bat di|"
        "bat roi|bat mat|giam|bi giam|tam giu|bi giu|giu lai|dua di|dan di|mat tich|khong biet o dau|"
        "ko biet o dau|bat giu|bi bat giu|bi dua di|bi dan di|bi ice bat|bi di tru bat|bat coc|mat tieu|"
        "ko ai nghe may|khong ai nghe may|ko nghe may|khong nghe may|tat may"
    ),
    "relative": (
        "ong xa|ba xa|ck|vk|chong e|vo e|me e|ba e|bo e|anh e|chi e|con e|chong tui|vo tui|me tui|ba tui|con tui|"
        "em tui|anh tui|chong|me toi|ba toi|bo toi|cha toi|vo toi|anh toi|chi toi|em toi|chong em|me em|ba em|"
        "ban toi|con trai|con gai|anh trai|em trai|chi gai|em gai|hang xom|nguoi than|nguoi nha|ai do|anh ho|"
        "chi ho|em ho|cau toi|di toi|chu toi|co toi|bac toi|ong noi|ba noi|ong ngoai|ba ngoai|con toi|ban trai|"
        "ban gai|nguoi yeu|me chong|bo chong|ban than|con trai toi|con gai toi"
    ),
    "find": (
        "o dau|dang o dau|bi nhot o dau|dem di dau|kiem o dau|kiem ong|kiem nguoi|di kiem|kiem|tim o dau|"
        "tim thong tin|bi giam o dau|dang bi giam o dau|o trai nao|tim|tim kiem|tim nguoi|giam o dau|"
        "trai nao|tra cuu|so a|a number|dinh vi|di dau|dua di dau|dua anh di dau"
    ),
    "detention": "trai giam|trung tam giam giu|giam giu|trai tam giam|chuyen trai",
    "bond": "bao lanh|tien bao lanh|tien the chan|bond|dong tien",
    "jail": (
        "o nha tu|nha tu quan|nha tu hat|man han tu|man han|ra tu|o tu|bi tu|ngoi tu|nha tu|trai tu|di tu|nha giam|"
        "an hinh su|toi hinh su"
    ),
    "hold": (
        "hold|detainer|lenh giu|giu lai cho ice|giao cho ice|287g|48 gio|ko tha|khong tha|"
        "giao qua ben di tru|giao qua di tru|giao cho di tru|giu them"
    ),
    "release": "ra tu|duoc tha|tha ra|mien toi",
    "emergency": (
        "bao canh sat|goi cs|bao cong an|goi cong an|911|goi 911|cap cuu|xe cap cuu|khan cap|goi canh sat|"
        "trinh bao|bao an|dau tim|dot quy"
    ),
    "crime": (
        "danh|bi danh|danh dap|bao luc|bao hanh|bao luc gia dinh|cuop|trom|bi trom|lua dao|doa|de doa|nan nhan|"
        "toi pham|xam hai|danh vo|bi cuop|bi lua|quay roi|hanh hung"
    ),
    "lawyer": (
        "luat su di tru|tu van luat|thue luat su|luat su|tro giup phap ly|tu van phap ly|giup do phap ly|phap ly|"
        "van phong luat"
    ),
    "free": "mien phi|free|gia re|khong ton tien|ko co tien",
    "organization": "to chuc|nhom|duong day nong|hotline|goi ai|tai nguyen|gan toi|o tieu bang|van phong",
    "volunteer": (
        "lap nhom|lap hoi|gia nhap|join|tuan hanh|giup do cong dong|dong gop|tinh nguyen|tinh nguyen vien|quyen gop|"
        "ung ho|tham gia|bieu tinh|bieu dương|van dong|nha lap phap|quan sat|nguoi quan sat|hoc lam|tap huan|dao tao"
    ),
    "help_others": (
        "ba con nguoi viet|ba con|ca xom|xom|bà con|phu giup|giup may gia dinh|may gia dinh nhap cu|gia dinh nhap cu|"
        "nguoi nhap cu trong khu|khu minh|giup hang xom|giup do hang xom|giup nhung nguoi|"
        "giup nguoi khong co giay to|hang xom|giup nhung gia dinh|giup gia dinh|giup nguoi nhap cu|giup nguoi|"
        "giup do cong dong|cong dong|giup do nguoi|giup cong dong|giup cac gia dinh|bao ve gia dinh|lam gi de giup|"
        "giup nguoi khac"
    ),
    "citizen": "cong dan|quoc tich my|sinh o day|sinh ra o my",
    "children": (
        "tui nho|con nit|may dua nho|cac chau|chau ngoai|chau noi|bay nho|tui con nit|cac con|con cai|con nho|tre em|"
        "tre con|may dua nho|may dua con|con toi"
    ),
    "care": (
        "giu tui nho|giu chau|giu may dua|nuoi tui nho|trong tui nho|coi tui nho|nuoi chau|trong chau|coi chau|"
        "ai lo cho con|ai trong con|ai nuoi con|don con|giu con|nuoi con|lo cho|cham soc|nuoi|ai lo|ai nuoi|ai trong|"
        "giam ho|nguoi giam ho"
    ),
    "plan": (
        "tinh truoc|lo truoc|tinh sau nay|lo co chuyen|neu co chuyen|lo co gi|lo mai|lo bi bat|phong truong hop|"
        "sap xep truoc|ke hoach|chuan bi|phong khi|du phong|giay uy quyen|uy quyen|giay khai sinh|giay to quan trong|"
        "hoc thuoc"
    ),
    "if": "neu|neu toi|neu em|lo nhu|trong truong hop|ngo",
    "deport": "truc xuat|bi truc xuat|tra ve|dua ve nuoc|duoi ve",
    "court": (
        "hen ra toa|giay hen ra toa|lich toa|ngay hau toa|gap tham phan|toa|toa an|ra toa|hau toa|phien toa|toa di tru|"
        "ngay ra toa|buoi hau"
    ),
    "judge": "tham phan|quan toa",
    "checkin": (
        "hen ra toa|giay hen|giay hen ra toa|thu hen|co hen|trinh dien ice|cuoc hen ice|hen trinh dien|trinh dien|"
        "diem danh|check in|ky ten|cuoc hen|hen voi ice|van phong ice|vong deo chan"
    ),
    "missed": "lo hen|bo lo|tre hen|khong di|ko di|quen",
    "school": (
        "vao truong|vo truong|vao truong hoc|vo truong hoc|dua con di hoc|di hoc|lop|truong|truong hoc|lop hoc|"
        "nha tre|mau giao|dai hoc|co giao|thay giao"
    ),
    "church": (
        "vao nha tho|o nha tho|den nha tho|di nha tho|toi nha tho|giao xu|di le|chua chien|nha chua|nha tho|"
        "thanh duong|nha nguyen|nhà thờ"
    ),
    "hospital": (
        "vao benh vien|vo benh vien|kham benh|phong cap cuu|di kham|benh vien|phong kham|bac si|cap cuu benh vien|"
        "phong cho|phong benh"
    ),
    "work": (
        "tiem lam mong|lam nail|di lam|ba chu|hang xuong|lam viec|cho lam|noi lam|tiem nail|xuong|nha may|cong ty|"
        "ong chu|nha hang|cong truong"
    ),
    "raid": (
        "bat may nguoi|bat nhieu nguoi|bat nguoi|hot nguoi|hot may nguoi|ruong bo|ap vao|bat nguoi hang loat|"
        "bo rap|bố ráp|ruong|truy quet|dot kich|kiem tra dot xuat|bat bo"
    ),
    "status": (
        "qua han visa|o lau|o qua han|du hoc|du hoc sinh|sinh vien|visa du hoc|the xanh|thuong tru|"
        "thuong tru nhan|tps|daca|visa|thi thuc|ty nan|ti nan|parole|giay phep lam viec|tinh trang di tru|"
        "quoc tich|nhap tich|uscis|tam tru|giay phep|ho so di tru|xin ti nan"
    ),
    "expire": (
        "qua han|lo han|het han visa|qua han visa|sap het han|het han|gia han|sap het|ket thuc|cham dut|huy|thu hoi"
    ),
    "travel": (
        "di nuoc ngoai|ve que|di viet nam|ve viet nam|ve nuoc|du lich|ra nuoc ngoai|di lau|o lau|may thang|mot nam|"
        "nghi phep"
    ),
    "register": "dang ky|lan tay",
    "phone": "dien thoai|dt|dthoai|phone",
    "greet": "chao|xin chao|chao ban|alo|khoe khong|khoe ko",
    "thanks": "xin loi|cam on|cam on nhieu|thanks|tks|bye",
    "now": "bay gio|ngay|khan cap|cuu|cuu voi|giup voi|so qua|lam sao",
    "apply": "xin|nop don|lam don|xin ty nan|xin ti nan",
    "laugh": "haha|hihi|kkk|hehe",
    "offtopic": (
        "tim viec|tim viec lam|can viec lam|can viec|xin viec|hoc tieng anh|lop tieng anh|kiem viec|"
        "kiem viec lam|dang kiem viec"
    ),
    "meta": (
        "cai nay dung sao|cai nay la gi|dung nhu the nao|co mat tien khong|co mat phi khong|ai vay|ban la ai|"
        "cai nay co mat tien"
    ),
    "report_me": "bao cho di tru|bao di tru|bao cao di tru|to cao|bao cho ice|bao ice",
    "scam": "lay cua|lua dao|bi lua|luat su that",
    "safe": "di co an toan|di cho co an toan|ra ngoai co an toan",
    "not_about": "ko hoi ve|khong hoi ve|ko phai hoi ve|ko phai chuyen|khong phai chuyen",
    "film": (
        "quay video|quay phim|quay clip|quay lai|quay hinh|chup hinh|chup anh|ghi hinh|ghi am|livestream|"
        "phat truc tiep|live stream|di live|quay truc tiep|dien thoai quay|quay"
    ),
    "warn_others": (
        "bao cho cong dong|bao cho hang xom|bao hang xom|bao tin|bao dong|canh bao|loan tin|bao cho moi nguoi|"
        "bao cho ba con|bao cho ca xom|chia se thong tin|nhan tin cho|dang len nhom|dang len facebook|"
        "dang facebook|thong bao cho|phan ung nhanh|duong day nong ice|bao cao ice|thay ice o|thay xe ice"
    ),
    "abuse": (
        "bao luc gia dinh|bao hanh gia dinh|danh toi|danh em|danh tui|danh minh|danh vo|danh dap|bop co|siet co|"
        "doa giet|de doa giet|doa chem|hanh ha|nguoc dai|lenh bao ve|lenh cam tiep xuc|bi danh dap|bam tim"
    ),
}
