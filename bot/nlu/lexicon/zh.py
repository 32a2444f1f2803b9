"""Chinese: Mandarin in either script (written here in Simplified: Traditional input is converted before
matching), and written Cantonese (差佬, 喺, 咗, 屋企, 搵, 睇)."""

FORMS = {
    "agent": (
        "一民局|以民局|移民锔|移民署|移民署的人|移民官员|移民警|国土安全|移民执法局|海关执法|移民局|移民官|"
        "移民警察|移民执法|移民的人|"
        "ice|联邦探员|联邦|移民"
    ),
    "officer": "探员|官员|执法人员|穿制服|穿背心|背心|便衣|几个人|两个男人|两个人|有人",
    "police": "警官|警察局|差人|警察|警员|警车|差佬|阿sir|警|条子|公安|巡警",
    "door": "拍门|按门铃|大门口|门|门口|门外|敲门|开门|门铃|大门",
    "home": "家|我家|屋企|屋|公寓|住的地方|家里|房子|窗",
    "outside": "外面|门外|楼下|外头|停着|车停|出面|门口等",
    "knock": "敲门|拍门|一直敲|敲我家门|敲门声|敲|按门铃|撞门|砸门|叫门",
    "open": "开门|让他们进|进来|进屋|闯|破门|要不要开|有权进|入屋",
    "warrant": "搜查令|逮捕令|令状|法官签|手令|搜令|i 205|法庭文件|法院的文件|法院文件|法庭的文件",
    "airport": (
        "入境时|入境的时候|入境美国|过海关|海关检查|落机|下飞机|转机|过关|机场|航站楼|入境大厅|桃园|肯尼迪|"
        "洛杉矶机场|旧金山机场"
    ),
    "flight": "飞机|航班|飞过来|落地|降落|下机|刚到|抵达|入境",
    "customs": "问话|盘问|被问话|扣下|扣在|海关|入境处|边检|二次检查|小房间|小黑屋|审查|cbp|移民官",
    "passport": "护照|证件被收",
    "border": "放进来|被放进来|放入境|放咗入嚟|边境|边界|过境|关口|口岸",
    "checkpoint": (
        "路上有移民检查|路上有检查|路上检查|公路上检查|公路检查|高速检查|高速上检查|高速公路检查|灰狗|灰狗巴士|"
        "长途巴士|长途大巴|长途汽车|检查占|上车检查|上车查|上车问|查车|边检站|检查站|检查点|关卡|"
        "路检|边境巡逻|巡逻队|拦检站|设卡|快速遣返|"
        "快速递解"
    ),
    "road": "公路|高速|高速公路|大路|路段|州际",
    "car": "交通|车上|车|开车|揸车|驾车|驾照|车牌|尾箱|后备箱|车尾箱|罚单|司机",
    "stop": ("盘查|被拦|靠边停|查证件|查身份证|拦|拦下|拦住|截停|截查|查身份|盘问|被查|问我|叫停|停车检查|搜身|搜查我"),
    "street": (
        "出门|出街|路上|在路上|街头|巴士|公车|地铁|街|街上|街度|路边|超市|商店|停车场|公园|油站|公交站|巴士站|车站"
    ),
    "papers": (
        "冇身份|冇身分|冇证件|冇纸|没身份|沒身分|没有身份|没有身分|没有合法身份|黑下来|黑了|非法滞留|逾期居留|"
        "没有证件|证件|身份|身分|身份证|身份證|文件|无证|冇证|黑户|非法|绿卡"
    ),
    "taken": (
        "捉人|冇得返屋企|返唔到屋企|回不了家|回不去家|没能回家|一去不回|留下来|被留|留低|留低咗|卡住|被卡|被卡住|"
        "扣下来|"
        "俾人拉|被人拉|拉去|抓进去|捉咗|俾人捉|带走|被带走|抓人|被抓走|抓咗|拉人|拉咗|羁押|收押|被扣|扣住|抓|抓走|"
        "抓了|被抓|拘留|扣留|扣押|逮捕|拉走|捉|关押|关起来|失踪|不知道在哪|唔知|扣了|扣咗|联系不上|联络不上|联络唔到|"
        "关机|不接电话"
    ),
    "relative": (
        "我爸|我妈|我哥|我姐|我弟|我妹|我儿子|我女儿|我老公|我老婆|我阿爸|我阿妈|老公|老婆|丈夫|太太|先生|妻子|"
        "儿子|女儿|哥哥|弟弟|姐姐|妹妹|爸爸|妈妈|父亲|母亲|老豆|老妈|阿爸|阿妈|表哥|"
        "表弟|表姐|堂哥|叔叔|阿姨|舅舅|朋友|邻居|亲戚|家人|家属|男朋友|女朋友|某人|个朋友|家庭|表妹|姐夫|姨妈|姑姑|"
        "舅父|舅妈|老爸|老母|阿公|阿婆|爷爷|奶奶|外公|外婆|男友|女友|伴侣|同事|室友|老乡|阿叔|阿伯|细佬|家姐|阿妹"
    ),
    "find": (
        "找不到|在哪儿|查找|怎么找|点搵|找|找人|搵|查|查询|在哪|在哪里|喺边|边度|哪个拘留|下落|定位|a号码|"
        "a 号码|外籍号码|关在哪|关哪|喺边度|点知"
    ),
    "detention": "拘留所|拘留中心|移民监|监押|羁押|关在|转移|转去",
    "bond": "保释|保释金|保释金额|担保|保出来|bond",
    "jail": "进去蹲|蹲了|蹲监|蹲大牢|蹲号子|坐监|入咗监|班房|拘留所里|监狱|坐牢|县监狱|看守所|牢|监|犯罪记录|刑事|醉驾",
    "hold": (
        "挂了个扣押|挂扣押|挂了扣押|挂个扣押|扣押令|挂了个hold|落hold|关多久|关人多久|扣多久|扣留多久|替移民局|"
        "帮移民局|为移民局|扣留令|移民扣留|hold|detainer|287g|48小时|48 小时|交给移民局|移交|不放人|转交给移民局|"
        "转交移民局||移交给移民局|多关了|多关"
    ),
    "release": "释放|出狱|放出来|放人|刑满",
    "emergency": (
        "有人晕倒|有人昏倒|有人受伤|有人受傷|有人病倒|晕倒|晕了|昏迷|不省人事|车祸|撞车|出车祸|急症室|急诊室|救护车|"
        "召救护车|叫警察|打电话给警察|报警电话|911|报警|打911|报案|紧急|急救|找警察|心脏病|心脏病发|心脏病发作|白车|"
        "叫白车|召白车|抽筋|昏倒"
    ),
    "crime": ("被抢|被偷|骗子|被骗|打我|被打|家暴|暴力|虐待|抢|抢劫|偷|威胁|恐吓|受害|受害者|犯罪|诈骗|骗|u签证|t签证"),
    "lawyer": (
        "找律师|找个律师|找个好律师|找个靠谱的律师|找靠谱的律师|请律师|请个律师|搵律师|搵个律师|率师|移民率师|侓师|"
        "打官司|律师|律師|法律援助|法律帮助|法律咨询|法援|公证人|顾问|移民律师|法律服务|法律服務"
    ),
    "free": "免费|便宜|不要钱|唔使钱|没钱|冇钱",
    "organization": "组织|机构|团体|热线|求助电话|打给谁|资源|附近|我的州",
    "volunteer": (
        "监察|监督|监察员|监督员|监察ice|监督ice|捐钱|捐钱给|捐物资|捐赠|参加|加入|参与|出力|我想帮忙|想帮忙|幫忙|"
        "帮忙|做点什么|出一份力|志愿者|志愿|义工|"
        "捐款|捐|组织活动|"
        "抗议|游行|示威|集会|声援|支援|议员|庇护城市|请愿|观察员|法律观察|培训||"
        "受训"
    ),
    "help_others": (
        "被抓的家庭|被抓家庭|被抓的人的家属|受影响的家庭|受影响嘅家庭|移民邻居|无证邻居|没身份的邻居|冇身份嘅邻居|"
        "身边的|身边嘅|街坊|邻里|左邻右舍|帮助身边|帮身边|帮邻居|"
        "帮助邻居|帮助无证|帮无证|身边的移民|邻居|帮助那些|帮那些|帮助被抓|帮被抓|帮助家庭|帮家庭|帮助移民家庭|"
        "帮助移民|帮移民|帮助其他|帮助社区|社区|保护家庭|保护移民|可以做什么|我能做什么|怎么帮|点帮|帮帮|社区里|"
        "移民家庭"
    ),
    "citizen": "公民|美国公民|在这里出生|土生",
    "children": (
        "带孩子去|带小孩去|带孩子到|带小朋友去|带个仔去|送孩子去|送小孩去|送个仔|送仔|孩子|小孩|小朋友|仔女|细路|"
        "宝宝|子女|儿女|未成年"
    ),
    "care": (
        "接送|看小孩|带孩子|湊小朋友|照顾|照看|谁来管|谁管|谁带|接孩子|接小朋友|接放学|监护|监护人|抚养|托付|湊仔|凑仔"
    ),
    "plan": "以防万一|提前安排|安排好|计划|预案|准备|万一|以防|授权书|委托书|出生证明|重要文件|背下来|记住号码",
    "if": "如果|万一|假如|要是|若果|如果我",
    "deport": "遣返|递解|驱逐|遣送|送回|赶走",
    "court": (
        "法院门口|法庭门口|法院外面|法院出面|法庭外面|出厅|出庭通知|出庭通知书|到庭通知|nta|翻译|带翻译|口译|传译|"
        "证据|带证据|下次开庭|出庭|上庭|证人|庭审|出庭日期|开庭日期|法庭|法院|开庭|听证|移民法庭|聆讯"
    ),
    "judge": "法官",
    "checkin": "去移民局报到|约谈|报到|报道|签到|check in|定期报到|移民局报到|脚镣|电子脚铐|面谈|约见",
    "missed": "错过|没去|冇去|忘了|迟到",
    "school": "学堂|返学|上学|学校|校园|幼儿园|小学|中学|大学|托儿所|放学|老师",
    "church": "做礼拜|拜神|教堂|教会|寺庙|清真寺|庙|礼拜堂|去礼拜|做弥撒|弥撒",
    "hospital": (
        "社区诊所|社区医院|社区卫生中心|社区健康中心|打针|打疫苗|疫苗|牙医|看医生|急症室|急诊室|急症|急诊|睇急症|"
        "睇病|看病|医院|诊所|医生|睇医生|病房"
    ),
    "work": ("打工|开工|厨房|按摩店|美甲店|衣厂|工作|上班|返工|工厂|餐馆|餐厅|工地|老板|雇主|公司|农场|车衣厂|i 9|i9"),
    "raid": (
        "突击搜查|搜查工厂|捉人|捉咗好多人|抓人|拉人|抓了很多人|抓走几个|拉咗几个|抓了几个|突击|突袭|"
        "搜捕|扫荡|突击检查|大搜查|行动"
    ),
    "status": (
        "回美证|返美证|回美證|再入境许可|旅行证件|h 1b|h1|h4|f1|j1|被裁|被裁员|裁员|宽限期|找新工作|找新的工作|"
        "换工作|转工|黑下来|黑了|逾期居留|非法滞留|过期居留|留学|学生签证|绿卡|身份|签证|庇护|难民|tps|daca|假释|"
        "人道假释|工卡|"
        "工作许可|入籍|公民身份|移民身份|公民身分|移民身分|uscis|永久居民|政治庇护|h1b"
    ),
    "expire": "快过期|失效|到期|过期|续期|续签|延期|终止|结束|取消|吊销|快到期",
    "travel": "回去|回大陆|半年|离境|出国|回国|旅行|旅游|离开美国|回中国|回香港|回台湾|几个月|一年|很久|太久",
    "register": "登记|注册|打指模|指纹",
    "phone": "解锁手机|解锁|手机密码|翻手机|检查手机|打电话|手机|电话|查手机",
    "greet": "大家好|你好|您好|嗨|哈啰|早上好|早晨|晚上好|喂|在吗",
    "thanks": "谢谢|多谢|唔该|感谢|再见|拜拜",
    "now": "而家|依家|宜家|现在|马上|立刻|紧急|快|救命|怎么办|点算|点办|急",
    "apply": "申请|递交|提交|办理",
    "laugh": "哈哈|哈哈哈|呵呵|嘻嘻",
    "offtopic": (
        "帮忙找工作|帮我找工作|帮人找工作|介绍工作|帮忙搵工|帮我搵工|哪家|好吃|好喝|拉面|奶茶|珍奶|附近有什么好|"
        "天气|球赛|的工作|份工|找工作|找工|搵工|想学英文|学英文|学英语|"
        "英文班|英语班"
    ),
    "meta": (
        "这个怎么用|怎么用|这个要收费吗|要收费吗|收费吗|你是谁|这是什么|是免费的吗|这个免费吗|这个点用|点用|系咪免费"
    ),
    "report_me": (
        "通知移民局|报告移民局|举报|通报|报告给移民局|告诉移民局|会不会报|报移民局|报我哋|报我们|举报我们|会唔会报"
    ),
    "asking_for": "找我",
    "scam": (
        "找个正经律师|找正经律师|找个真正的律师|找真正的律师|搵个正经律师|搵个真正嘅律师|中介|代办|被骗|骗钱|骗了|"
        "正经律师|真正的律师"
    ),
    "safe": "去买菜安全|出门安全|出去安全|去超市安全",
    "not_about": "不是问|不是要问|我不是问|唔系问|唔系想问|不是关于",
    "film": (
        "拍视频|拍影片|拍片|拍照|拍下来|拍低|影低|影相|录像|录影|录视频|录下来|录低|摄像|摄影|拍摄|直播|开直播|"
        "手机拍|用手机录|录音"
    ),
    "warn_others": (
        "通知大家|提醒大家|告诉大家|话俾大家知|通知街坊|提醒街坊|通知邻居|提醒邻居|告诉邻居|警告邻居|通知社区|"
        "提醒社区|报告ice|报告移民局出现|快速反应|快速应对|应急热线|热线电话|"
        "传消息|传出去|转发|群里通知|发到群里|微信群|报信|通风报信|放哨|预警|警报"
    ),
    "abuse": (
        "家暴|家庭暴力|打我|被打|打老婆|掐我|掐脖子|勒我|勒脖子|威胁要杀|威胁杀我|扬言要杀|恐吓我|虐待我|打到我|"
        "鼻青脸肿|动手打我|施暴|保护令|禁制令|限制令|打伤|推我撞墙"
    ),
}

# Chinese typed in Latin letters: Mandarin pinyin without tones (joined or split: 'yiminju', 'yimin ju') and
# Cantonese as Hong Kong people romanise it ('chai lo' 差佬, 'lut si' 律師, 'mo sun fun' 冇身份). Only words of two
# syllables or more: one syllable ('da', 'ma', 'tai') is a word of too many other languages.
ROMANISED = {
    "agent": "yiminju|yimin ju|yiminjv|yiminguan|yimin guan|yimin jingcha|yimin de ren|yi man guk|yimun guk",
    "police": "jingcha|jing cha|jingche|chai lo|chaai lou|chai lou|ging chaat|gingchaat|ging cha",
    "door": "menkou|men kou|mun hau|mun hao|damen",
    "knock": "qiaomen|qiao men|paimen|pai men|pok mun|pok moon|kok mun|qiao wo jia men",
    "open": "kaimen|kai men|hoi mun|hoi moon|jinlai|jin lai",
    "warrant": "souchaling|soucha ling|daibuling|daibu ling|fa guan qian|faguan qianzi",
    "airport": "jichang|ji chang|gei cheung|geicheung|gei chang",
    "customs": "haiguan|hai guan|hoi gwaan|hoi gwan|bianjian|bian jian|xiao fangjian",
    "stop": "lanzhu|lan zhu|lanxia|lan xia|beilan|bei lan|pancha|pan cha|jit ting|zit ting|cha shenfen|cha zhengjian",
    "street": "lushang|lu shang|jieshang|jie shang|chaoshi|tingchechang|gai seung|hai gai",
    "car": "kaiche|kai che|jaa che|ja che|jia zhao|jiazhao",
    "papers": (
        "shenfen|shen fen|meiyou shenfen|mei shenfen|mei you shenfen|heihu|hei hu|zhengjian|zheng jian|sun fun|"
        "san fan|san fun|mo sun fun|mou san fan|mo san fan|mo sun fan"
    ),
    "taken": (
        "zhuazou|zhua zou|zhuazoule|bei zhua|beizhua|zhua le|zhuale|daizou|dai zou|daizoule|bei daizou|kouliu|kou liu|"
        "jook mai|jook jor|zuk zo|juk jo|jook jo|lai jor|laai zo|lai jo|bei lai|bei jook|lianxi bu shang|lianxibushang"
    ),
    "relative": (
        "laogong|lao gong|laopo|lao po|erzi|er zi|nuer|nver|nu er|zhangfu|qizi|pengyou|linju|lin ju|lo gung|lou gung|"
        "lo por|lou po|ngo lo gung|ngo ge jai|ngo go jai|baba he mama"
    ),
    "find": "zai nali|zai na li|zainali|zenme zhao|zhao bu dao|zhaobudao|hai bin|hai bin dou|dim wan|wan m dou",
    "detention": "juliusuo|juliu suo|ju liu so|yiminjian|yimin jianyu",
    "bond": "baoshi|bao shi|baoshijin|baoshi jin|bo sik|bou sik",
    "jail": "jianyu|jian yu|kanshousuo|zuolao|zuo lao|chor gam|cho gam|gam yuk|dai lao",
    "emergency": "baojing|bao jing|da 911|bo ging|bou ging|bo geng|jiuhuche|jiu hu che",
    "crime": "bei qiang|beiqiang|bei tou|bei pian|qiangjie|da lou|bei da",
    "abuse": "jiabao|jia bao|laogong da|laogong da wo|lo gung da|lou gung da|lo gung da ngo|da lo por",
    "lawyer": (
        "lvshi|lushi|lu shi|lv shi|lueshi|lut si|leot si|lutsi|lut see|falv|falu|falv bangzhu|falu bangzhu|"
        "falv yuanzhu|falv zixun|fa yuan|faat leot|fat lut"
    ),
    "free": "mianfei|mian fei|bu yao qian|m sai chin|msai chin|m sai cin|mh sai chin|min fai|mien fai",
    "organization": "jigou|ji gou|zuzhi|zu zhi|rexian|re xian",
    "volunteer": "zhiyuanzhe|zhiyuan zhe|zhiyuan|yigong|yi gong|juankuan|juan kuan|kangyi|kang yi|youxing|yi gung",
    "help_others": "bangzhu yimin|bang yimin|bangzhu bieren|bangzhu shequ|bangzhu linju|bang linju",
    "children": "haizi|hai zi|xiaohai|xiao hai|sai lo|sai lou|jai nui|zai neoi",
    "care": "zhaogu|zhao gu|shei zhaogu|jiu gu|shei guan|jianhuren|jianhu ren",
    "plan": "jihua|ji hua|zhunbei|zhun bei|yi fang wan yi|weituoshu",
    "deport": "qianfan|qian fan|qianfang|dijie|di jie|song hui qu|hin fan",
    "court": "fating|fa ting|fayuan|fa yuan|chuting|chu ting|kaiting|kai ting|seung ting|faat ting|fat ting",
    "checkin": "baodao|bao dao|bou dou|bo do",
    "school": "xuexiao|xue xiao|shangxue|shang xue|hok hau|hok haau|fan hok|faan hok",
    "church": "jiaotang|jiao tang|gau tong|gaau tong|jiaohui|jiao hui",
    "hospital": "yiyuan|yi yuan|kanbing|kan bing|kan yisheng|yi yuen|tai yi sang|tai beng|jizhen|ji zhen",
    "work": "shangban|shang ban|dagong|da gong|gongchang|fan gung|faan gung|fan gong|gong ci",
    "raid": "tuji|tu ji|tuji jiancha|saodang|sao dang|dai sou cha",
    "status": "luka|lvka|lu ka|qianzheng|qian zheng|bihu|bi hu|gongka|lukka|luk kaat|chim jing",
    "checkpoint": "jianchazhan|jiancha zhan|jianchadian|jiancha dian|guanka|guan ka",
    "travel": "huiguo|hui guo|chuguo|chu guo|lvxing|lvyou|fan heung gong|wui gwok",
    "expire": "guoqi|guo qi|daoqi|dao qi|xuqi|xu qian|gwo kei",
    "phone": "shouji|shou ji|shouji mima|sau gei",
    "greet": "nihao|ni hao|nei ho|lei ho|nei hou|lei hou",
    "thanks": "xiexie|xie xie|m goi|mgoi|m goi saai|dor jeh|do je|doh je",
    "now": (
        "bangzhu|bang zhu|bangmang|bang mang|zenme ban|zenmeban|zen me ban|dim suen|dim syun|dim ban|jiuming|"
        "jiu ming|gau meng"
    ),
}
for _concept, _forms in ROMANISED.items():
    FORMS[_concept] = f"{FORMS[_concept]}|{_forms}" if _concept in FORMS else _forms
