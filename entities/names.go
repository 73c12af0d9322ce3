package entities

// Given names and their gender, for pronoun coreference.

import "strings"

// firstNames maps common given names (lower case) to a gender, "m" or "f".
// Facts: names common in international news across regions.
var firstNames = func() map[string]string {
	m := map[string]string{}
	male := `john james robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory
raymond alexander patrick jack dennis jerry tyler aaron jose adam henry nathan douglas peter kyle walter
ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent
russell elijah louis bobby philip johnny boris vladimir sergei sergey dmitry dmitri alexei alexey ivan
nikolai mikhail igor viktor volodymyr oleksandr andriy petro emmanuel francois jean pierre jacques michel
nicolas olaf friedrich hans klaus wolfgang angelo giuseppe giorgio matteo mario luigi carlos luis miguel
pedro jorge javier pablo alejandro fernando ricardo manuel antonio francisco diego andres gustavo
ahmed mohammed mohamed muhammad mohammad ali hassan hussein hosni abdullah abdel abdul omar khalid mahmoud
ibrahim youssef yusuf mustafa recep tayyip mevlut hakan ismail hamid karim tariq rashid bashar hafez
salman faisal tamim benjamin yair naftali avigdor yitzhak ehud shimon moshe xi li wang zhang chen liu
narendra rahul imran nawaz shehbaz arvind amit raj sanjay vijay abiy uhuru william jomo yoweri paul
cyril jacob thabo muhammadu bola goodluck olusegun kofi nana mahamadou macky alassane felix joseph
emmerson robert hage yoon moon kim shinzo fumio yoshihide joko prabowo ferdinand rodrigo narendra
lula jair luiz nicolas hugo gustavo andres javier sebastian gabriel alberto enrique justin stephen
keir rishi boris tony gordon david theresa emmanuel jean-yves antony lloyd jake
volker antonio jens mark ursula ban kofi tedros filippo martin ole sven lars olof erik anders`
	female := `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie
rebecca sharon laura cynthia kathleen amy shirley angela helen anna ana brenda pamela nicole emma
samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia
julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah
martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
charlotte rose alexis kayla angela merkel angela annalena ursula christine kamala hillary nancy
theresa liz giorgia marine segolene anne ségolène elena olga tatiana natalia svetlana irina yulia
maria valentina carmen lucia isabel sofia fatima aisha ayesha khadija leila layla zainab mariam maryam
noura amina halima ngozi ellen joyce samia sahle-work sheikh benazir indira sonia priyanka mamata
nirmala sushma yingluck aung tsai jacinda julia kristalina kaja sanna mette magdalena roberta
michelle claudia dilma hasina cristina michelle xiomara gabriela yolanda beatriz`
	for _, n := range strings.Fields(male) {
		m[n] = "m"
	}
	for _, n := range strings.Fields(female) {
		m[n] = "f"
	}
	// Words that are also surnames or ambiguous are not given a gender.
	for _, n := range []string{"kim", "li", "wang", "zhang", "chen", "liu", "lee", "jean", "merkel", "sheikh", "aung", "tsai", "moon", "yoon", "ban", "lula"} {
		delete(m, n)
	}
	return m
}()
